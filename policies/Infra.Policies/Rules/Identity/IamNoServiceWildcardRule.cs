using Infra.Policies.Model;

namespace Infra.Policies.Rules.Identity;

/// <summary>
/// No policy allows all actions of a service on every resource.
/// Flags: <c>{"Effect":"Allow","Action":"s3:*","Resource":"*"}</c>.
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

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        foreach (var (where, statement) in IamPolicyDocuments.Of(resource))
        {
            if (!IamPolicyDocuments.IsAllow(statement) || !statement.Resources.Contains("*"))
            {
                continue;
            }

            foreach (var action in statement.Actions.Where(a => a.EndsWith(":*", StringComparison.Ordinal) && a != "*:*"))
            {
                yield return $"{where} allows '{action}' on Resource '*'";
            }
        }
    }
}
