using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>What every member of a team may reach.</summary>
public sealed record TeamEntitlements(
    EquatableList<GitLabGroupAccess> GitLab,
    EquatableList<IPNetwork> Vpn,
    ConsulAccess Consul,
    EquatableList<VaultPathGrant> Vault);
