using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Encryption;

/// <summary>
/// No key policy grants every KMS action to every principal.
/// Flags: <c>{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}</c> in a key's <c>policy</c> without an
/// <c>aws:PrincipalOrgID</c>, <c>aws:PrincipalAccount</c> or <c>kms:CallerAccount</c> condition that pins it (a <c>StringNotEquals</c> or
/// <c>...IfExists</c> test opens the key to the others), and a policy that is not valid JSON.
/// </summary>
public sealed class KmsKeyPolicyNoPublicAccessRule : PolicyRule
{
    public const string Code = "aws-kms-key-policy-no-kms-all-to-everyone";

    private static readonly string[] AccountConditions = ["aws:PrincipalOrgID", "aws:PrincipalAccount", "kms:CallerAccount"];

    public override string Id => Code;

    public override string Title => "Key policies grant no 'kms:*' to every principal";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KmsKey, TypeTokens.KmsKeyPolicy];

    public override string Rationale => "A key open to '*' lets any AWS account decrypt the data it protects or schedule its deletion.";

    public override string Remediation => "Name the account root and the roles that use the key as principals, or restrict '*' with an aws:PrincipalOrgID or kms:CallerAccount condition.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 3.6.1", "PCI DSS 7.2.1", "ISO 27001 A.8.24", "ISO 27001 A.5.15"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        const string Path = "policy";
        var policy = PolicyDocument.Parse(resource.Property(Path));
        if (!policy.IsReadable)
        {
            yield return new PropertyIssue(Path, $"{Path} cannot be judged: {policy.Error}");
            yield break;
        }

        foreach (var statement in policy.Statements.Where(s => s.IsAllow && s.Principals.Any(p => p.IsEveryone) && !AccountConditions.Any(s.Pins)))
        {
            foreach (var action in statement.WholeServiceActions("kms"))
            {
                yield return new PropertyIssue(Path, $"{Path} Statement[{statement.Index}] grants '{action}' to every principal ('*') without an account or organization condition");
            }
        }
    }
}
