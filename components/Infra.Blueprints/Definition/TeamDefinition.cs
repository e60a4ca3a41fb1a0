namespace Infra.Blueprints.Definition;

/// <summary>A team of teams.yaml.</summary>
/// <param name="OnCall">Where the team's alerts go: the HTTPS endpoint its alert topic delivers to; null for a team that owns nothing that alerts.</param>
public sealed record TeamDefinition(
    string Id,
    string Name,
    string CostCenter,
    bool IsPlatform,
    TeamEntitlements Entitlements,
    Uri? OnCall)
{
    /// <summary>Why this team's members reach production networks over the VPN without a grant: a reviewed exception; null for none.</summary>
    public string? ProductionVpnException { get; init; }

    /// <summary>
    /// The team's members on its on-call rota: while they are members of the team, each reaches every network of each stack
    /// over the VPN (both regions of production included), as the platform team does; the rest of the team does not.
    /// </summary>
    public EquatableList<string> OnCallRota { get; init; } = [];

    /// <summary>
    /// Whether membership gives powers over others' work or the platform (GitLab owner, Consul write, the platform team):
    /// HR may only request it, and a member of the team approves it in people.yaml.
    /// </summary>
    public bool IsPrivileged => IsPlatform || Entitlements.Consul == ConsulAccess.Write || Entitlements.GitLab.Any(g => g.Access == GitLabAccessLevel.Owner);
}
