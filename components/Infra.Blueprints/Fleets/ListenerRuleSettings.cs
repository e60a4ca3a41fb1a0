namespace Infra.Blueprints.Fleets;

/// <summary>The rule of the shared listener that forwards the fleet's host name to its target group.</summary>
public sealed record ListenerRuleSettings(string ListenerArn, int Priority, string HostHeader);
