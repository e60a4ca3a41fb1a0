using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Secrets;

/// <summary>
/// Secrets Manager secrets, and each of their replicas, are encrypted with a customer managed KMS key.
/// Flags: <c>new aws.secretsmanager.Secret("ledger-master")</c> without <c>kmsKeyId</c>, or with <c>alias/aws/secretsmanager</c>.
/// </summary>
public sealed class SecretsManagerCustomerKeyRule : PolicyRule
{
    public const string Code = "aws-secretsmanager-secret-customer-key";

    private const string AwsManagedAlias = "alias/aws/secretsmanager";

    public override string Id => Code;

    public override string Title => "Secrets are encrypted with a customer managed key";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.SecretsManagerSecret];

    public override string Rationale => "The AWS managed key lets every principal of the account with secretsmanager:GetSecretValue decrypt; a customer key's policy is a second, reviewed lock, and its use is logged per key.";

    public override string Remediation => "Set kmsKeyId (and replicas[].kmsKeyId) to the database's or the service's customer managed key.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.6.1", "PCI DSS 8.3.2", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (Problem(resource.Property("kmsKeyId")) is { } problem)
        {
            yield return new PropertyIssue("kmsKeyId", $"kmsKeyId {problem}");
        }

        var replicas = resource.Property("replicas").Items;
        for (var i = 0; i < replicas.Count; i++)
        {
            if (!replicas[i].IsUnknown && Problem(replicas[i]["kmsKeyId"]) is { } replicaProblem)
            {
                yield return new PropertyIssue($"replicas[{i}].kmsKeyId", $"the replica in {replicas[i]["region"].AsString() ?? "another region"}: kmsKeyId {replicaProblem}");
            }
        }
    }

    private static string? Problem(PropertyValue key) =>
        key.IsUnknown ? null
        : key.AsString() is not { Length: > 0 } id ? "is not set: the AWS managed key applies"
        : AwsManagedKey.IsNamedBy(id, AwsManagedAlias) ? $"is the AWS managed key {AwsManagedAlias}"
        : null;
}
