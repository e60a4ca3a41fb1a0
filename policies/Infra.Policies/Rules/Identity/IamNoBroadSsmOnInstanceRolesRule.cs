using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No AWS-managed SSM policy on a role, and no policy reads every SSM parameter.
/// Flags: <c>new aws.iam.RolePolicyAttachment("ledger-ssm", { role: ledgerRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" })</c>
/// and <c>{"Effect":"Allow","Action":"ssm:GetParameter*","Resource":"*"}</c>.
/// </summary>
public sealed class IamNoBroadSsmOnInstanceRolesRule : PolicyRule
{
    public const string Code = "aws-iam-no-broad-ssm";

    private static readonly HashSet<string> BroadSsmPolicies = new(StringComparer.Ordinal)
    {
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        "arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",
        "arn:aws:iam::aws:policy/AmazonSSMFullAccess",
        "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess",
    };

    private static readonly string[] ParameterReads = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"];

    public override string Id => Code;

    public override string Title => "No AWS-managed SSM policy, and no read of every SSM parameter";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [.. IamPolicyDocuments.Types, TypeTokens.IamRolePolicyAttachment];

    public override string Rationale => "AmazonSSMManagedInstanceCore lets a server read every SSM parameter of the account and opens Session Manager on it; a server reads its own secrets from Vault and gets only the agent's actions.";

    public override string Remediation => "Detach the managed policy; allow the SSM agent's actions by name (the fleet blueprint's SsmAgentPermissions) and parameter reads on the service's own path only.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.1", "ISO 27001 A.8.2"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.IamRolePolicyAttachment)
        {
            if (resource.Property("policyArn").AsString() is { } arn && BroadSsmPolicies.Contains(arn))
            {
                yield return new PropertyIssue("policyArn", $"attaches {arn} to role '{resource.Property("role").AsString()}'");
            }
            yield break;
        }
        if (resource.Type == TypeTokens.IamRole)
        {
            foreach (var arn in resource.Property("managedPolicyArns").AsStrings().Where(BroadSsmPolicies.Contains))
            {
                yield return new PropertyIssue("managedPolicyArns", $"role has managed policy {arn}");
            }
        }
        foreach (var (path, statement) in IamPolicyDocuments.AllowStatements(resource).Where(s => s.Statement.CoversAllResources || s.Statement.Resources.Any(IsEveryParameter)))
        {
            foreach (var action in ParameterReads.SelectMany(statement.ActionsMatching).Distinct(StringComparer.Ordinal))
            {
                yield return new PropertyIssue(path, $"{path} Statement[{statement.Index}] allows '{action}' on every SSM parameter");
            }
        }
    }

    /// <summary>A parameter ARN whose name part is only a wildcard (<c>arn:aws:ssm:eu-west-3:1234:parameter/*</c>).</summary>
    private static bool IsEveryParameter(string resource) =>
        resource.StartsWith("arn:", StringComparison.Ordinal) && resource.EndsWith(":parameter/*", StringComparison.Ordinal);
}
