using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>The PKI role that issues a service's internal TLS certificates, for its Consul names only.</summary>
public sealed record PkiRoleBlueprint(string Name, string Service, EquatableList<string> AllowedDomains, string MaxTtl, string KeyType, int KeyBits);
