using Infra.Policies.Model;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No policy allows all actions of a service on every resource.
/// Flags: <c>{"Effect":"Allow","Action":"s3:*","Resource":"*"}</c>, and <c>s3:*</c> with a <c>NotResource</c>.
/// </summary>
public sealed class IamNoServiceWildcardRule : PolicyRule
{
    public const string Code = "aws-iam-no-service-wildcard-on-all-resources";

    public override string Id => Code;

    public override string Title => "No IAM policy allows 'service:*' on '*'";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override EnforcementLevel DefaultEnforcement => EnforcementLevel.Advisory;

    public override IReadOnlyList<string> ResourceTypes => IamPolicyDocuments.Types;

    public override string Rationale => "A service-wide wildcard on all resources grants far more than a workload needs (e.g. every bucket or every key).";

    public override string Remediation => "Name the actions and scope Resource to the ARNs of the workload's own resources.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.5.15"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var (path, statement) in IamPolicyDocuments.AllowStatements(resource).Where(s => s.Statement.CoversAllResources))
        {
            // '*' and 'iam:*' are the administrator rule's (mandatory); this rule judges every other service.
            foreach (var action in statement.Actions.Where(a => a != "*" && a.EndsWith(":*", StringComparison.Ordinal) && !statement.WholeServiceActions("iam").Contains(a)))
            {
                yield return new PropertyIssue(path, $"{path} Statement[{statement.Index}] allows '{action}' on {statement.ResourceElement}");
            }
        }
    }
}
