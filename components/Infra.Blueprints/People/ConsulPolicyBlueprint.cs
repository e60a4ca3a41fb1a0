namespace Infra.Blueprints.People;

/// <summary>The Consul ACL policy that the people's tokens of one level carry.</summary>
public sealed record ConsulPolicyBlueprint(string Name, string Level, string Rules);
