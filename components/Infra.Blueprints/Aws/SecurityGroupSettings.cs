using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Aws;

/// <summary>A security group of a fleet or a database and every rule of it, in both directions.</summary>
/// <param name="RevokeRulesOnDelete">Revoke the group's rules before it is deleted, so that a group referenced by another's rules can go.</param>
public sealed record SecurityGroupSettings(string VpcId, string Description, EquatableList<SecurityRule> Rules, bool RevokeRulesOnDelete)
{
    public IEnumerable<SecurityRule> Ingress => Rules.Where(r => r.Direction == RuleDirection.Ingress);

    public IEnumerable<SecurityRule> Egress => Rules.Where(r => r.Direction == RuleDirection.Egress);
}
