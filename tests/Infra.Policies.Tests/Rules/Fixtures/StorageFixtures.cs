using Infra.Policies.Rules.Storage;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Storage rules: S3 buckets and their public access block, encryption and versioning.</summary>
internal static class StorageFixtures
{
    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["s3 public: bucket with a full public access block passes"] = new(S3PublicAccessBlockRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}""", id: "bank-ledger-exports"),
            Resource(PublicAccessBlock, "exports-pab", """{"bucket":"bank-ledger-exports","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}"""),
        ]),
        ["s3 public: bucket without a block fails"] = new(S3PublicAccessBlockRule.Code, true, Production,
            [Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}""")], "no aws.s3.BucketPublicAccessBlock"),
        ["s3 public: block with restrictPublicBuckets false fails"] = new(S3PublicAccessBlockRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(PublicAccessBlock, "exports-pab", """{"bucket":"bank-ledger-exports","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":false}"""),
        ], "restrictPublicBuckets"),
        ["s3 kms: aws:kms configuration found by dependency passes"] = new(S3KmsEncryptionRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", "{}"),
            Resource(Encryption, "exports-sse", """{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":"alias/infra-production"},"bucketKeyEnabled":true}]}""",
                dependencies: [UrnOf(BucketV2, "exports")]),
        ]),
        ["s3 kms: AES256 fails"] = new(S3KmsEncryptionRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Encryption, "exports-sse", """{"bucket":"bank-ledger-exports","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}]}"""),
        ], "AES256"),
        ["s3 versioning: enabled passes"] = new(S3VersioningRule.Code, false, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Versioning, "exports-versioning", """{"bucket":"bank-ledger-exports","versioningConfiguration":{"status":"Enabled"}}"""),
        ]),
        ["s3 versioning: suspended fails"] = new(S3VersioningRule.Code, true, Production,
        [
            Resource(BucketV2, "exports", """{"bucket":"bank-ledger-exports"}"""),
            Resource(Versioning, "exports-versioning", """{"bucket":"bank-ledger-exports","versioningConfiguration":{"status":"Suspended"}}"""),
        ], "Suspended"),
        ["tls only: a deny on aws:SecureTransport false passes"] = new(S3TlsOnlyRule.Code, false, Production,
        [
            Resource(BucketV2, "archive", """{"bucket":"example-bank-archive"}"""),
            Resource(BucketPolicy, "archive-policy", """{"bucket":"example-bank-archive","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::example-bank-archive\",\"arn:aws:s3:::example-bank-archive/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}]}"}"""),
        ]),
        ["tls only: a bucket without a policy fails"] = new(S3TlsOnlyRule.Code, true, Production,
            [Resource(BucketV2, "reports", """{"bucket":"example-bank-reports"}""")], "no bucket policy"),
        ["tls only: a policy that denies only HTTPS fails"] = new(S3TlsOnlyRule.Code, true, Production,
        [
            Resource(BucketV2, "archive", """{"bucket":"example-bank-archive"}"""),
            Resource(BucketPolicy, "archive-policy", """{"bucket":"example-bank-archive","policy":"{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}"}"""),
        ], "aws:SecureTransport is false"),
        ["tls only: a deny of PutObject only fails"] = new(S3TlsOnlyRule.Code, true, Staging,
        [
            Resource(BucketV2, "archive", """{"bucket":"example-bank-archive"}""", stack: "staging"),
            Resource(BucketPolicy, "archive-policy", """{"bucket":"example-bank-archive","policy":"{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:PutObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"}""", stack: "staging"),
        ], "denies s3:*"),
    };
}
