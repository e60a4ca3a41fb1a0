using Infra.Policies.Model;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No policy allows every action on every resource.
/// Flags: <c>{"Effect":"Allow","Action":"*","Resource":"*"}</c>, and <c>NotAction</c> allowed on <c>*</c>.
/// </summary>
public sealed class IamNoWildcardAdminRule : PolicyRule
{
    public const string Code = "aws-iam-no-wildcard-action-on-all-resources";

    public override string Id => Code;

    public override string Title => "No IAM policy allows '*' on '*'";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes => IamPolicyDocuments.Types;

    public override string Rationale => "Full administrative privileges break least privilege; a leaked credential becomes a takeover of the account.";

    public override string Remediation => "List the actions and resources the workload needs; administrators use SSO roles outside this program.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.1", "ISO 27001 A.8.2"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var (where, statement) in IamPolicyDocuments.Of(resource))
        {
            if (!IamPolicyDocuments.IsAllow(statement) || !statement.Resources.Contains("*"))
            {
                continue;
            }

            if (statement.Actions.Any(a => a is "*" or "*:*"))
            {
                yield return $"{where} allows Action '*' on Resource '*'";
            }
            else if (statement.HasNotAction)
            {
                yield return $"{where} allows NotAction on Resource '*' (every action but a few)";
            }
        }
    }
}
