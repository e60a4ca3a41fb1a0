using Infra.Blueprints.People;
using Pulumi;

namespace Infra.Components.People;

/// <summary>What <see cref="PeopleAccess"/> maps: the finished blueprint, and two ids known only in the environment.</summary>
public sealed class PeopleAccessArgs
{
    public required PeopleAccessBlueprint Blueprint { get; init; }

    /// <summary>The accessor of the Vault auth mount people log in with (OIDC); each entity's alias hangs on it.</summary>
    public required Input<string> LoginMountAccessor { get; init; }

    /// <summary>The stack's AWS Client VPN endpoint, in the primary region; the team authorization rules attach to it.</summary>
    public required Input<string> ClientVpnEndpointId { get; init; }
}
