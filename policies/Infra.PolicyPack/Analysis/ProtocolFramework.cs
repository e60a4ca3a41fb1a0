using Infra.Policies.Rules;
using Infra.Policies.Rules.Frameworks;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// A rule's first framework clause as <c>PolicyInfo.framework</c>, which holds one; every clause goes in <c>tags</c> too.
/// </summary>
internal static class ProtocolFramework
{
    public static PolicyComplianceFramework? Of(PolicyRule rule)
    {
        var clause = rule.Frameworks.Select(FrameworkClause.Parse).OfType<FrameworkClause>().FirstOrDefault();
        return clause is null ? null : new PolicyComplianceFramework
        {
            Name = clause.Framework.Prefix,
            Version = clause.Framework.Version,
            Reference = clause.Clause,
            Specification = clause.Framework.Name,
        };
    }
}
