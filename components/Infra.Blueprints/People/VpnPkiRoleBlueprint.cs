namespace Infra.Blueprints.People;

/// <summary>The Vault PKI role that issues VPN client certificates: client use only, one name per person below <see cref="Domain"/>.</summary>
public sealed record VpnPkiRoleBlueprint(string Mount, string Name, string Domain, int MaxTtlSeconds, string KeyType, int KeyBits);
