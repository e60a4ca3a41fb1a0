using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Production networks are reached over the VPN by the on-call rotas (the platform team, a team's <c>onCallRota</c>) or through a temporary
/// grant, never by a whole team by default: a team VPN network that reaches a production stack's network is an error
/// at its <c>vpn</c> item, unless the team carries <c>productionVpnException</c>, the reason of an exception reviewed in
/// the merge request that adds it.
/// </summary>
internal static class ProductionVpnValidator
{
    public static void Validate(StackSettings settings, IReadOnlyList<Located<TeamDefinition>> teams, DocumentContext context)
    {
        if (settings.Environment != EnvironmentKind.Production || settings.Networks is not { Count: > 0 } networks)
        {
            return;
        }
        var production = networks.Select(n => n.Cidr).ToList();
        foreach (var (path, team) in teams)
        {
            if (team.IsPlatform || team.ProductionVpnException is not null)
            {
                continue;
            }
            var vpn = team.Entitlements.Vpn;
            for (var i = 0; i < vpn.Count; i++)
            {
                if (AccessCalculator.ReachesStack(vpn[i], production))
                {
                    context.Error(KeyPath.Item(KeyPath.Child(KeyPath.Child(path, "entitlements"), "vpn"), i),
                        $"{vpn[i]} reaches the production networks ({string.Join(", ", production)}) for every member of team '{team.Id}'; "
                        + "production is reached by the on-call rotas (the platform team, the team's onCallRota) or a temporary grant. A reviewed exception is written as productionVpnException: <reason and change id> on the team");
                }
            }
        }
    }
}
