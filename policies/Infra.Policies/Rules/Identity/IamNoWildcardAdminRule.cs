using Infra.Policies.Model;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No policy allows every action on every resource.
/// Flags: <c>{"Effect":"Allow","Action":"*","Resource":"*"}</c>, <c>iam:*</c> (an administrator in two calls) on every resource or
/// on every IAM resource (<c>arn:aws:iam::444455556666:*</c>), <c>NotAction</c>
/// or <c>NotResource</c> in an allow, and a policy that is not valid JSON (it cannot be reviewed).
/// </summary>
public sealed class IamNoWildcardAdminRule : PolicyRule
{
    public const string Code = "aws-iam-no-wildcard-action-on-all-resources";

    public override string Id => Code;

    public override string Title => "No IAM policy allows '*' or 'iam:*' on '*', and every policy is readable";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes => IamPolicyDocuments.Types;

    public override string Rationale => "Full administrative privileges break least privilege; a leaked credential becomes a takeover of the account.";

    public override string Remediation => "List the actions and resources the workload needs; administrators use SSO roles outside this program.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 1.16", "PCI DSS 7.2.1", "ISO 27001 A.8.2"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var (path, document) in IamPolicyDocuments.Of(resource))
        {
            if (!document.IsReadable)
            {
                yield return new PropertyIssue(path, $"{path} cannot be judged: {document.Error}");
                continue;
            }

            foreach (var statement in document.Statements.Where(s => s.IsAllow && !s.CoversAllResources && s.CoversEveryResourceOf("iam")))
            {
                if (statement.WholeServiceActions("iam").FirstOrDefault() is { } action)
                {
                    yield return new PropertyIssue(path, $"{path} Statement[{statement.Index}] allows Action '{action}' on every IAM resource ('{statement.ResourceCoveringAllOf("iam")}'): it can attach any policy to itself");
                }
            }

            foreach (var statement in document.Statements.Where(s => s.IsAllow && s.CoversAllResources))
            {
                var where = $"{path} Statement[{statement.Index}]";
                if (statement.HasNotAction)
                {
                    yield return new PropertyIssue(path, $"{where} allows NotAction on {statement.ResourceElement} (every action but a few)");
                }
                else if (statement.WholeServiceActions("iam").FirstOrDefault() is { } action)
                {
                    yield return new PropertyIssue(path, action == "*" || action.StartsWith("*:", StringComparison.Ordinal)
                        ? $"{where} allows Action '{action}' on {statement.ResourceElement}"
                        : $"{where} allows Action '{action}' on {statement.ResourceElement}: every IAM action, so it can grant itself anything");
                }
            }
        }
    }
}
