using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No AWS administrator policy on a role assumed by a service.
/// Flags: <c>new aws.iam.RolePolicyAttachment("ledger-admin", { role: ledgerRole.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" })</c>.
/// </summary>
public sealed class IamNoAdminPolicyOnServiceRolesRule : PolicyRule
{
    public const string Code = "aws-iam-no-admin-policy-on-service-roles";

    private static readonly HashSet<string> AdminPolicies = new(StringComparer.Ordinal)
    {
        "arn:aws:iam::aws:policy/AdministratorAccess",
        "arn:aws:iam::aws:policy/PowerUserAccess",
        "arn:aws:iam::aws:policy/IAMFullAccess",
    };

    public override string Id => Code;

    public override string Title => "No administrator policy on service roles";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.IamRole, TypeTokens.IamRolePolicyAttachment];

    public override string Rationale => "A compromised server would hold the account; services get the permissions of their blueprint only.";

    public override string Remediation => "Detach AdministratorAccess, PowerUserAccess and IAMFullAccess; grant the service's own policy.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.1", "ISO 27001 A.8.2"];

    /// <summary>Whether an attachment's role is a service role is known only from the roles of the stack.</summary>
    public override RuleScope Scope => RuleScope.Stack;

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.IamRole)
        {
            if (!IsServiceRole(resource))
            {
                yield break;
            }

            foreach (var arn in resource.Property("managedPolicyArns").AsStrings().Where(AdminPolicies.Contains))
            {
                yield return new PropertyIssue("managedPolicyArns", $"service role has managed policy {arn}");
            }

            yield break;
        }

        if (resource.Property("policyArn").AsString() is not { } policy || !AdminPolicies.Contains(policy))
        {
            yield break;
        }

        var roleName = resource.Property("role").AsString();
        var roles = resources.Derived("iam-roles-by-name", set => set.OfType(TypeTokens.IamRole)
            .SelectMany(r => new[] { r.Property("name").AsString(), r.Id }.OfType<string>().Select(name => (Name: name, Role: r)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Role, StringComparer.Ordinal));
        var role = roleName is null ? null : roles.GetValueOrDefault(roleName);
        if (role is null || IsServiceRole(role))
        {
            yield return new PropertyIssue("policyArn", $"attaches {policy} to {(role is null ? $"role '{roleName}' (not in this stack; every role here is a service role)" : $"service role '{roleName}'")}");
        }
    }

    /// <summary>Whether the trust policy lets an AWS service (Principal.Service) assume the role; an unreadable one counts as a service role.</summary>
    internal static bool IsServiceRole(PolicyResource role)
    {
        if (role.Property("assumeRolePolicy").AsString() is null)
        {
            return true;
        }

        var trust = PolicyDocument.Parse(role.Property("assumeRolePolicy"));
        return !trust.IsReadable || trust.Statements.Any(s => s.Principals.Any(p => p.Kind == "Service"));
    }
}
