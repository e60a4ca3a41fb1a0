namespace Infra.Blueprints.People;

/// <summary>A person's Consul ACL token, only where one of their teams says so, with the policy of the highest level.</summary>
public sealed record ConsulTokenBlueprint(string Person, string Description, string Policy);
