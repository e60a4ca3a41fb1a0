using Infra.Policies.Rules.Identity;
using static Infra.Policies.Tests.Rules.Fixtures.FixtureTypes;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Rules.Fixtures;

/// <summary>Passing and failing fixtures of the Identity rules: IAM policies, roles and their attachments.</summary>
internal static class IdentityFixtures
{
    private const string ServiceTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public static Dictionary<string, RuleCase> Cases { get; } = new()
    {
        ["iam admin: scoped statement passes"] = new(IamNoWildcardAdminRule.Code, false, Production,
            [Resource(IamPolicy, "ledger-s3", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"arn:aws:s3:::ledger-exports/*\"}]}"}""")]),
        ["iam admin: * on * fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamPolicy, "admin", """{"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}""")], "Action '*'"),
        ["iam admin: role inline policy with NotAction fails"] = new(IamNoWildcardAdminRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", """{"assumeRolePolicy":"{}","inlinePolicies":[{"name":"all-but-iam","policy":"{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}}"}]}""")], "NotAction"),
        ["iam service wildcard: named actions pass"] = new(IamNoServiceWildcardRule.Code, false, Production,
            [Resource(RolePolicy, "ledger-kms", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:Decrypt\"],\"Resource\":\"*\"}]}"}""")]),
        ["iam service wildcard: s3:* on * fails"] = new(IamNoServiceWildcardRule.Code, true, Production,
            [Resource(RolePolicy, "ledger-s3", """{"role":"ledger","policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"}""")], "s3:*"),
        ["iam service role: read-only attachment passes"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, false, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-ssm", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}"""),
        ]),
        ["iam service role: AdministratorAccess attachment fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
        [
            Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}}}"""),
            Resource(Attachment, "ledger-admin", """{"role":"ledger","policyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}"""),
        ], "AdministratorAccess"),
        ["iam service role: managedPolicyArns with PowerUserAccess fails"] = new(IamNoAdminPolicyOnServiceRolesRule.Code, true, Production,
            [Resource(IamRole, "ledger-role", $$"""{"name":"ledger","assumeRolePolicy":{{System.Text.Json.JsonSerializer.Serialize(ServiceTrust)}},"managedPolicyArns":["arn:aws:iam::aws:policy/PowerUserAccess"]}""")]),
    };
}
