using Infra.Blueprints.People;
using Pulumi;

namespace Infra.Components.People;

/// <summary>What <see cref="PeopleAccess"/> maps: the finished blueprint, the ids known only in the environment, and the explicit providers.</summary>
public sealed class PeopleAccessArgs
{
    public required PeopleAccessBlueprint Blueprint { get; init; }

    /// <summary>The accessor of the Vault auth mount people log in with (OIDC); each entity's alias hangs on it.</summary>
    public required Input<string> LoginMountAccessor { get; init; }

    /// <summary>The stack's Client VPN endpoint in each region of the blueprint's <see cref="PeopleAccessBlueprint.VpnEndpoints"/>, by region: each gets every authorization rule.</summary>
    public required IReadOnlyDictionary<string, Input<string>> ClientVpnEndpointIds { get; init; }

    /// <summary>The environment's Vault: identities, groups, the VPN's CA, its signing role and policy.</summary>
    public required Pulumi.Vault.Provider Vault { get; init; }

    /// <summary>The Consul of the stack: the people's ACL policies and tokens.</summary>
    public required Pulumi.Consul.Provider Consul { get; init; }

    /// <summary>The AWS provider of the primary region: the session grants' policies on the fleet roles (IAM is global).</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }

    /// <summary>The AWS provider of each region with a Client VPN endpoint, by region: the authorization rules on that region's endpoint.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }

    /// <summary>Each fleet's instance role name, by fleet name: a session grant's policy goes on its service's fleet roles. Required when the blueprint has session grants.</summary>
    public IReadOnlyDictionary<string, Input<string>>? FleetRoles { get; init; }

    /// <summary>GitLab, for the memberships and the user and group lookups; required when the blueprint has memberships (production only).</summary>
    public Pulumi.GitLab.Provider? GitLab { get; init; }
}
