using System.Globalization;
using System.Text;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Components.Tests.Support;
using Pulumi.Testing;

namespace Infra.Components.Tests.People;

/// <summary>
/// The issue's "done when": one person's chain (hire, temporary grant, its expiry, a leave, then a termination) through
/// the HR processor and people.yaml as the pipeline and a merge request change them. At every checkpoint, on the hour
/// either side of each change, what the access report says the person reaches is exactly what the people component
/// registers on the mocks, and each step's access diff is the change in the registered resources.
/// </summary>
public sealed class PersonLifecycleScenarioTests
{
    private const string Secret = "scenario-secret-shared-with-hr-0123456789";
    private const string Person = "jdoe";

    private static readonly StackDefinition Production = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("production").Definition!;

    [Fact]
    public async Task Hire_grant_expiry_leave_and_termination_agree_with_the_registered_resources_to_the_hour()
    {
        var journal = "";
        var definition = Production;

        // 1. Hire into payments from 1 December, applied by the HR pipeline the day before.
        var hire = Apply(ref definition, ref journal, At("2026-11-30T09:00"),
            """{"id":"hr-1","type":"hire","issuedAt":"2026-11-30T08:58:00Z","effective":"2026-12-01","person":"jdoe","name":"Jane Doe","email":"jdoe@example-bank.eu","teams":["payments"],"contract":"employee"}""", out var beforeHire);
        Assert.Equal(At("2026-12-01T00:00"), hire.To.At);
        await AssertAgree(definition, At("2026-11-30T23:00"), expectAccess: false);
        await AssertDiffAgrees(beforeHire, definition, hire);

        // 2. A merge request records two grants approved by adupont (platform): payments-db read and maintainer of shared-libraries.
        definition = WithPeopleFile(PeopleYaml.Write(definition.Catalog.People.Select(p => p.Id != Person ? p : p with
        {
            Grants =
            [
                new TemporaryGrant("database/payments-db", "read", "INC-5001 settlement mismatch", "adupont", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)),
                new TemporaryGrant("gitlab/bank/shared-libraries", "maintainer", "INC-5001 hotfix of the shared client", "adupont", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)),
            ],
        })));
        var granted = await AssertDiffAgrees(definition, definition, AccessDiff.Between(Calculate(definition, At("2026-12-01T23:00")), Calculate(definition, At("2026-12-02T00:00"))));
        Assert.Contains(granted.Changes, c => c.Kind == AccessChangeKind.Gained && c.Entry.System == "database" && c.Entry.Grant is not null);

        // 3. The grants expire at the end of 3 December: the nightly run after it removes them, and only them.
        var expired = await AssertDiffAgrees(definition, definition, AccessDiff.Between(Calculate(definition, At("2026-12-03T23:00")), Calculate(definition, At("2026-12-04T00:00"))));
        Assert.All(expired.Changes.Where(c => c.Entry.Person == Person && c.Kind == AccessChangeKind.Lost), c => Assert.NotNull(c.Entry.Grant));
        Assert.Empty(expired.PeopleLosingAccessUnscheduled);

        // 4. A leave on 20 December, known on the 8th: its diff is taken when it takes effect, at the end of that day;
        //    until then nothing is removed and every access of the person ends with that day.
        var leave = Apply(ref definition, ref journal, At("2026-12-08T10:00"),
            """{"id":"hr-2","type":"leave","issuedAt":"2026-12-08T09:58:00Z","effective":"2026-12-20","person":"jdoe"}""", out var beforeLeave);
        Assert.Equal(At("2026-12-21T00:00"), leave.To.At);
        Assert.Contains(leave.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person == Person);
        Assert.DoesNotContain(leave.Changes, c => c.Kind == AccessChangeKind.Lost && c.Entry.Person != Person);
        await AssertDiffAgrees(beforeLeave, definition, leave);
        Assert.All(Calculate(definition, At("2026-12-08T11:00")).Entries.Where(e => e.Person == Person), e => Assert.Equal(new DateOnly(2026, 12, 20), e.Until));
        await AssertAgree(definition, At("2026-12-08T11:00"), expectAccess: true);

        // 5. A termination at 15:00 on the 10th ends it all at once, whatever the leave said; the entity stays, disabled.
        var termination = Apply(ref definition, ref journal, At("2026-12-10T15:05"),
            """{"id":"hr-3","type":"terminate","issuedAt":"2026-12-10T15:00:00Z","effective":"2026-12-10","person":"jdoe"}""", out var beforeTermination);
        await AssertAgree(definition, At("2026-12-10T14:00"), expectAccess: true);
        await AssertAgree(definition, At("2026-12-10T15:00"), expectAccess: false);
        await AssertDiffAgrees(beforeTermination, definition, termination);
        Assert.All(termination.Changes.Where(c => c.Entry.Person == Person), c => Assert.Equal(AccessChangeKind.Lost, c.Kind));
        Assert.Empty(termination.PeopleLosingAccessUnscheduled);
        var after = PeopleAccessBlueprints.For(definition, At("2026-12-10T16:00"));
        Assert.True(after.Identities.Single(i => i.Person == Person).Disabled);
    }

    /// <summary>Verifies and applies a signed event at <paramref name="now"/> as <c>infra hr apply</c> does; returns the production diff.</summary>
    private static AccessDiff Apply(ref StackDefinition definition, ref string journal, DateTimeOffset now, string body, out StackDefinition before)
    {
        before = definition;
        var processor = new HrEventProcessor(new StoppedClock(now));
        var bytes = Encoding.UTF8.GetBytes(body);
        var input = new HrEventInput("event.json", bytes, "event.json.sig", HrSignature.Sign(bytes, Secret), Secret, journal);
        var verified = processor.Verify(input);
        Assert.True(verified.Accepted, verified.Refusal);
        var applied = HrEventProcessor.CheckRemovalLimit(processor.Apply(input, verified, [definition]), limit: 0);
        Assert.True(applied.Accepted, applied.Refusal);
        journal = applied.JournalText!;
        definition = WithPeopleFile(applied.PeopleText!);
        return applied.Diffs.Single();
    }

    /// <summary>The production stack with the people of a people.yaml text, loaded as the loader loads the committed file.</summary>
    private static StackDefinition WithPeopleFile(string peopleText)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var copy = Directory.CreateTempSubdirectory("people-scenario-");
        try
        {
            foreach (var file in Directory.GetFiles(root, "Pulumi*.yaml"))
            {
                File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            }
            var catalog = Path.Combine(copy.FullName, Path.GetDirectoryName(StackDefinitionLoader.PeopleFile)!);
            Directory.CreateDirectory(catalog);
            foreach (var file in Directory.GetFiles(Path.Combine(root, Path.GetDirectoryName(StackDefinitionLoader.PeopleFile)!)))
            {
                File.Copy(file, Path.Combine(catalog, Path.GetFileName(file)));
            }
            File.WriteAllText(Path.Combine(copy.FullName, StackDefinitionLoader.PeopleFile), peopleText);
            var loaded = new StackDefinitionLoader(copy.FullName).LoadFromFiles("production");
            Assert.False(loaded.HasErrors, string.Join("; ", loaded.Errors));
            return loaded.Definition!;
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static AccessSnapshot Calculate(StackDefinition definition, DateTimeOffset at) => AccessCalculator.Calculate(definition, at);

    /// <summary>Both sides of the diff: the report of the person at each instant is what the resources registered then give.</summary>
    private static async Task<AccessDiff> AssertDiffAgrees(StackDefinition from, StackDefinition to, AccessDiff diff)
    {
        var before = await Registered(from, diff.From.At);
        var after = await Registered(to, diff.To.At);
        Assert.Equal(Reported(diff.From), before);
        Assert.Equal(Reported(diff.To), after);
        var gained = diff.Changes.Where(c => c.Entry.Person == Person && c.Kind != AccessChangeKind.Lost).Select(c => (c.After ?? c.Entry)).ToList();
        var lost = diff.Changes.Where(c => c.Entry.Person == Person && c.Kind == AccessChangeKind.Lost).Select(c => c.Entry).ToList();
        Assert.Equal(gained.Count == 0 && lost.Count == 0, before.SetEquals(after));
        return diff;
    }

    private static async Task AssertAgree(StackDefinition definition, DateTimeOffset at, bool expectAccess)
    {
        var reported = Reported(Calculate(definition, at));
        Assert.Equal(reported, await Registered(definition, at));
        Assert.Equal(expectAccess, reported.Count > 0);
    }

    /// <summary>
    /// What the report says the person reaches, as resources carry it: one GitLab membership and one Consul token per
    /// person at the highest level (with the membership's expiry), a Vault team policy, a VPN network, a database grant.
    /// </summary>
    private static SortedSet<string> Reported(AccessSnapshot snapshot)
    {
        var entries = snapshot.Entries.Where(e => e.Person == Person).ToList();
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var target in entries.GroupBy(e => (e.System, e.Resource)))
        {
            var top = target.OrderByDescending(e => Rank(e.System, e.Level)).ThenBy(e => e.Grant is null ? 0 : 1).First();
            result.Add(top.System switch
            {
                AccessSystems.GitLab => $"gitlab {top.Resource.Replace('/', '-')} {top.Level} expires {top.Until?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}",
                _ => $"{top.System} {top.Resource} {top.Level}",
            });
        }
        return result;
    }

    private static int Rank(string system, string level) => system switch
    {
        AccessSystems.GitLab => (int)Enum.Parse<GitLabAccessLevel>(level, ignoreCase: true),
        AccessSystems.Consul => level == "write" ? 1 : 0,
        _ => 0,
    };

    /// <summary>What the resources registered at <paramref name="at"/> give the person, read from their inputs only.</summary>
    private static async Task<SortedSet<string>> Registered(StackDefinition definition, DateTimeOffset at)
    {
        var created = await PeopleAccessDeployment.Deploy(PeopleAccessBlueprints.For(definition, at));
        string Input(MockResourceArgs r, string key) => Convert.ToString(r.Inputs[key], CultureInfo.InvariantCulture)!;
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var entity = created.SingleOrDefault(r => r.Type == "vault:identity/entity:Entity" && Input(r, "name") == Person);
        if (entity is null || (bool)entity.Inputs["disabled"])
        {
            Assert.DoesNotContain(created, r => r.Type != "vault:identity/entity:Entity" && r.Type != "vault:identity/entityAlias:EntityAlias" && (r.Name ?? "").Contains(Person, StringComparison.Ordinal));
            return result;
        }
        foreach (var group in created.Where(r => r.Type == "vault:identity/group:Group"
            && InputTree.List(r.Inputs["memberEntityIds"]).Cast<string>().Contains($"people-entity-{Person}-id")))
        {
            result.Add($"vault {InputTree.List(group.Inputs["policies"]).Cast<string>().Single()} policy");
        }
        foreach (var membership in created.Where(r => r.Type == "gitlab:index/groupMembership:GroupMembership" && r.Name!.StartsWith($"people-gitlab-{Person}-", StringComparison.Ordinal)))
        {
            var expires = membership.Inputs.TryGetValue("expiresAt", out var day) ? (string)day : "never";
            result.Add($"gitlab {membership.Name![$"people-gitlab-{Person}-".Length..]} {Input(membership, "accessLevel")} expires {expires}");
        }
        var teams = PeopleAccessBlueprints.For(definition, at).Identities.Single(i => i.Person == Person).Teams.Select(PeopleNames.VpnAccessGroup).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in created.Where(r => r.Type == "aws:ec2clientvpn/authorizationRule:AuthorizationRule"
            && (teams.Contains(Input(r, "accessGroupId")) || Input(r, "accessGroupId") == PeopleNames.VpnPersonGroup(Person))))
        {
            result.Add($"vpn {Input(rule, "targetNetworkCidr")} connect");
        }
        // A person with a VPN network may sign their own certificate, through their entity's policy; no certificate is a resource.
        Assert.Equal(result.Any(a => a.StartsWith("vpn ", StringComparison.Ordinal)),
            created.Any(r => r.Type == "vault:identity/entity:Entity" && r.Name == $"people-entity-{Person}"
                && InputTree.List(r.Inputs["policies"]).Cast<string>().Contains(PeopleNames.VpnCertificatePolicy)));
        foreach (var token in created.Where(r => r.Type == "consul:index/aclToken:AclToken" && Input(r, "description").StartsWith($"{Person} (", StringComparison.Ordinal)))
        {
            Assert.True(DateTimeOffset.Parse(Input(token, "expirationTime"), CultureInfo.InvariantCulture) > at);
            result.Add($"consul {PeopleNames.ConsulToken(Person)} {InputTree.List(token.Inputs["policies"]).Cast<string>().Single()["people-".Length..]}");
        }
        foreach (var role in created.Where(r => r.Type == "vault:database/secretBackendRole:SecretBackendRole"))
        {
            var name = Input(role, "name");
            var database = Input(role, "dbName");
            if (name.StartsWith($"{database}-grant-{Person}-", StringComparison.Ordinal))
            {
                result.Add($"database {database} {name[$"{database}-grant-{Person}-".Length..]}");
            }
        }
        return result;
    }

    private static DateTimeOffset At(string utc) =>
        DateTimeOffset.ParseExact(utc, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The processor reads the time only through its clock.</summary>
    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
