using Infra.Policies.Model;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No policy lets a principal pass any role to a service.
/// Flags: <c>{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}</c> (or <c>iam:Pass*</c>, or with a <c>NotResource</c>), the
/// same on <c>arn:aws:iam::444455556666:role/*</c>, and a <c>NotAction</c> that does not exclude iam:PassRole on every role.
/// </summary>
public sealed class IamNoPassRoleOnAllRolesRule : PolicyRule
{
    public const string Code = "aws-iam-no-passrole-on-all-roles";

    public override string Id => Code;

    public override string Title => "No IAM policy allows iam:PassRole on '*'";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes => IamPolicyDocuments.Types;

    public override string Rationale => "Passing any role to a new instance or function hands over that role's permissions, the administrator's included: a privilege escalation path.";

    public override string Remediation => "Scope iam:PassRole to the ARNs of the roles the workload launches, with an iam:PassedToService condition.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.2", "ISO 27001 A.8.2"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var (path, statement) in IamPolicyDocuments.AllowStatements(resource).Where(s => s.Statement.CoversAllRoles && s.Statement.Grants("iam:PassRole")))
        {
            var where = $"{path} Statement[{statement.Index}]";
            if (statement.HasNotAction)
            {
                // On every resource, NotAction is reported by the administrator rule.
                if (!statement.CoversAllResources)
                {
                    yield return new PropertyIssue(path, $"{where} allows NotAction [{string.Join(", ", statement.NotActions)}], which leaves iam:PassRole allowed, on {statement.RoleElement}");
                }
                continue;
            }

            // '*' and 'iam:*' on every (IAM) resource are reported by the administrator rule; this one names the narrower grants that still pass every role.
            foreach (var action in statement.ActionsMatching("iam:PassRole").Where(a => !statement.AdministersIam || !statement.WholeServiceActions("iam").Contains(a)))
            {
                yield return new PropertyIssue(path, $"{where} allows '{action}' (iam:PassRole) on {statement.RoleElement}");
            }
        }
    }
}
