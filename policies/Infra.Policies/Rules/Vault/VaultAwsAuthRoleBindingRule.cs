using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// AWS auth roles are bound to exact IAM role ARNs, to the stack's account (through the inferred EC2 instance) and
/// their tokens to the fleet's subnets.
/// Flags: <c>new vault.aws.AuthBackendRole("ledger", { authType: "iam", boundIamPrincipalArns: ["arn:aws:iam::*:role/*"] })</c>,
/// an iam role without <c>inferredEntityType: "ec2_instance"</c> and <c>boundAccountIds</c> (or bound to another account),
/// or a role without <c>tokenBoundCidrs</c> (or with <c>0.0.0.0/0</c>).
/// </summary>
public sealed class VaultAwsAuthRoleBindingRule : PolicyRule
{
    public const string Code = "vault-aws-auth-role-bound";

    public override string Id => Code;

    public override string Title => "Vault AWS auth roles are bound to exact role ARNs, to the account and their tokens to the fleet's subnets";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultAwsAuthRole];

    public override string Rationale => "An unbound or wildcard role lets any AWS principal, in any account, log in as the service; "
        + "a token without bound CIDRs works from anywhere once it leaks.";

    public override string Remediation => "Set boundIamPrincipalArns to the fleet's instance role ARN, inferredEntityType to ec2_instance with "
        + "boundAccountIds the stack's account, and tokenBoundCidrs to the fleet's subnets.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 8.3.1", "ISO 27001 A.8.5", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var authType = resource.Property("authType");
        var arns = resource.Property("boundIamPrincipalArns");
        if (!authType.IsUnknown && (authType.AsString() ?? "iam") == "iam" && !arns.IsUnknown && arns.Items.All(a => !a.IsUnknown))
        {
            var bound = arns.AsStrings().ToList();
            if (bound.Count == 0)
            {
                yield return new PropertyIssue("boundIamPrincipalArns", "boundIamPrincipalArns is empty: any IAM principal of any account may log in");
            }
            foreach (var arn in bound.Where(a => a.Contains('*', StringComparison.Ordinal)))
            {
                yield return new PropertyIssue("boundIamPrincipalArns", $"boundIamPrincipalArns has the wildcard '{arn}'; bind the exact role ARN of the fleet");
            }
            foreach (var problem in AccountBinding(resource, context))
            {
                yield return problem;
            }
        }

        var cidrs = resource.Property("tokenBoundCidrs");
        if (cidrs.IsUnknown || cidrs.Items.Any(c => c.IsUnknown))
        {
            yield break;
        }
        var ranges = cidrs.AsStrings().ToList();
        if (ranges.Count == 0)
        {
            yield return new PropertyIssue("tokenBoundCidrs", "tokenBoundCidrs is not set: its tokens work from anywhere");
        }
        foreach (var range in ranges.Where(r => r.EndsWith("/0", StringComparison.Ordinal)))
        {
            yield return new PropertyIssue("tokenBoundCidrs", $"tokenBoundCidrs has '{range}', which is every address; use the fleet's subnets");
        }
    }

    // Vault takes boundAccountIds for iam logins only when it infers the EC2 instance behind them.
    private static IEnumerable<PropertyIssue> AccountBinding(PolicyResource resource, PolicyContext context)
    {
        var inferred = resource.Property("inferredEntityType");
        var accounts = resource.Property("boundAccountIds");
        if (inferred.IsUnknown || accounts.IsUnknown || accounts.Items.Any(a => a.IsUnknown))
        {
            yield break;
        }
        var bound = accounts.AsStrings().ToList();
        if (inferred.AsString() != "ec2_instance" || bound.Count == 0)
        {
            yield return new PropertyIssue("boundAccountIds", "the role is not bound to an account: set inferredEntityType to ec2_instance and boundAccountIds to the stack's account");
            yield break;
        }
        foreach (var account in bound.Where(a => context.AwsAccountIds.Count > 0 && !context.AwsAccountIds.Contains(a)))
        {
            yield return new PropertyIssue("boundAccountIds", $"boundAccountIds has '{account}', which is not an account of this stack ({string.Join(", ", context.AwsAccountIds.Order(StringComparer.Ordinal))})");
        }
    }
}
