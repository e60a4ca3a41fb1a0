using System.Net;

namespace Infra.Blueprints.Definition;

/// <summary>
/// Who reaches the databases besides the fleets that use them: Vault's servers, whose database
/// engine logs in to issue and revoke credentials, and the operations host that runs a new
/// database's one-time bootstrap (<c>scripts/ops/bootstrap-database-vault.sh</c>).
/// </summary>
/// <param name="VaultNetworks">The networks of Vault's servers, in every region Vault runs in.</param>
/// <param name="BootstrapNetworks">The network of the operations host that runs the bootstrap.</param>
public sealed record DatabaseAccess(EquatableList<IPNetwork> VaultNetworks, EquatableList<IPNetwork> BootstrapNetworks);
