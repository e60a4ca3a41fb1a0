namespace Infra.Blueprints.Aws;

/// <summary>
/// One rule of the fleet's security group. <see cref="Key"/> names the rule's resource; it comes
/// from what the rule is for, not from its position, so that adding a rule never renames another.
/// </summary>
public sealed record SecurityRule(string Key, RuleDirection Direction, string Protocol, int Port, RulePeer Peer, string Description);
