using System.Globalization;
using System.Net;
using Infra.Blueprints.Definition;

namespace Infra.Cli.Benchmarks;

/// <summary>
/// Generates a large, valid roster for the access benchmark: teams with GitLab groups, VPN networks
/// in the staging ranges, Vault paths and Consul access; people in one or two teams, a fifth of them
/// contractors, some gone, some not started, some with a grant. Deterministic: the same sizes give the same roster.
/// </summary>
internal static class PeopleRosterGenerator
{
    public static Catalog Catalog(int people, int teams, DateOnly today, Catalog existing)
    {
        var inv = CultureInfo.InvariantCulture;
        var teamList = Enumerable.Range(0, teams).Select(t => new TeamDefinition(
            string.Create(inv, $"team-{t:000}"),
            string.Create(inv, $"Team {t}"),
            string.Create(inv, $"CC-{1000 + t % 9000:0000}"),
            t == 0,
            new TeamEntitlements(
                [new GitLabGroupAccess(string.Create(inv, $"bank/team-{t:000}"), t == 0 ? GitLabAccessLevel.Owner : GitLabAccessLevel.Maintainer),
                 new GitLabGroupAccess("bank/shared-libraries", GitLabAccessLevel.Developer)],
                [IPNetwork.Parse(string.Create(inv, $"10.40.{t % 256}.0/24")), IPNetwork.Parse(string.Create(inv, $"10.41.{t % 256}.0/24"))],
                (ConsulAccess)(t % 3),
                [new VaultPathGrant(string.Create(inv, $"kv/data/teams/team-{t:000}/*"), [VaultCapability.Read, VaultCapability.List])]),
            OnCall: null)).ToList();
        var roster = Enumerable.Range(0, people).Select(p =>
        {
            var id = string.Create(inv, $"p{p:00000}");
            var contractor = p % 5 == 0;
            var start = today.AddDays(-(p % 2000) + (p % 97 == 0 ? 30 : 0));
            DateOnly? end = contractor ? today.AddDays(p % 400 - 60) : p % 11 == 0 ? today.AddDays(p % 50 - 25) : null;
            if (end < start)
            {
                end = start;
            }
            var memberOf = p % 3 == 0
                ? new[] { teamList[p % teams].Id, teamList[(p / 3 + 1) % teams].Id }.Distinct(StringComparer.Ordinal).ToEquatableList()
                : [teamList[p % teams].Id];
            // Approved by the next person, on the group of their first team, which that team maintains; they have started.
            var approver = (p + 1) % people;
            EquatableList<TemporaryGrant> grants = p % 20 == 0 && approver % 97 != 0 && approver % 2000 >= 3
                ? [new TemporaryGrant(string.Create(inv, $"gitlab/bank/team-{approver % teams:000}"), "reporter", string.Create(inv, $"INC-{p} incident"), string.Create(inv, $"p{approver:00000}"), today.AddDays(-3), today.AddDays(4))]
                : [];
            return new PersonDefinition(id, string.Create(inv, $"Person {p}"), id + "@example-bank.eu", memberOf,
                contractor ? ContractKind.Contractor : ContractKind.Employee, start, end, grants);
        }).ToEquatableList();
        return existing with { Teams = teamList.ToEquatableList(), People = roster };
    }
}
