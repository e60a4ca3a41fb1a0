namespace Infra.Blueprints.People;

/// <summary>A person's Consul ACL token, only where one of their teams says so, with the policy of the highest level.</summary>
/// <param name="Local">Whether the token is valid only in the datacenter that issued it; people's tokens are global.</param>
/// <param name="ExpiresAt">
/// When Consul deletes the token by itself: at most <see cref="PeopleAccessBlueprints.ConsulTokenLifetime"/> after the start of
/// the week of the run (the nightly sync renews it each week), and never after the person's access ends.
/// </param>
public sealed record ConsulTokenBlueprint(string Person, string Description, string Policy, bool Local, DateTimeOffset ExpiresAt);
