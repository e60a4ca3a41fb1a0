using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Encryption;

/// <summary>
/// Every KMS key has a key policy written for it (its <c>policy</c>, or an <c>aws.kms.KeyPolicy</c>), not the default one.
/// Flags: <c>new aws.kms.Key("ledger-db", { enableKeyRotation: true })</c> without a policy.
/// </summary>
public sealed class KmsKeyExplicitPolicyRule : PolicyRule
{
    public const string Code = "aws-kms-key-explicit-policy";

    public override string Id => Code;

    public override string Title => "KMS keys have their own key policy";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KmsKey];

    public override string Rationale => "The default key policy hands the key to IAM: any role of the account whose policy says kms:Decrypt on * can read the data, so the key no longer separates duties.";

    public override string Remediation => "Set policy: the account root administers, the services that use the key (RDS, Backup, Logs ...) get it through kms:ViaService, nobody else.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.6.1", "PCI DSS 7.2.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var policy = resource.Property("policy");
        if (policy.IsUnknown || policy.IsSecret || policy.AsString() is { Length: > 0 })
        {
            yield break;
        }

        var keys = new[] { resource.Id, resource.Urn, resource.Outputs["arn"].AsString(), resource.Outputs["keyId"].AsString() }.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var attached = resources.OfType(TypeTokens.KmsKeyPolicy).Any(p =>
            p.Property("keyId").IsUnknown || (p.Property("keyId").AsString() is { } id && keys.Contains(id)) || p.Dependencies.Contains(resource.Urn));
        if (!attached)
        {
            yield return new PropertyIssue("policy", "no key policy: the default policy lets every IAM principal of the account with kms permissions use the key");
        }
    }
}
