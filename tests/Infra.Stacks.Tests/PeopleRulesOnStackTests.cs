using Infra.Blueprints.Definition;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Infra.Policies.Rules;
using Infra.Policies.Rules.GitLab;
using Infra.Policies.Rules.People;
using Infra.Policies.Rules.Vault;
using Infra.Stacks.Tests.Support;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests;

/// <summary>
/// The people rules over the resources the production program really registers (on the mocks, at
/// <see cref="RecordedPlatformEnvironment.Now"/>), read back from a stack export: as the policy pack sees them (no
/// catalog) and as the nightly compliance run does (the catalog's people). cmurphy's contract ends on 2026-11-27.
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class PeopleRulesOnStackTests(DeployedStacks stacks)
{
    private static readonly DateOnly AfterCmurphyLeft = new(2026, 12, 1);

    private static readonly PolicyRule[] PeopleRules = [new AccessPastEndDateRule(), new GitLabOwnerPlatformOnlyRule(), new PeopleConsulNoServiceWriteRule(), new TemporaryGrantExpiredRule()];

    [Fact]
    public async Task As_registered_today_the_people_resources_pass_every_people_rule_without_the_catalog()
    {
        var resources = await Production();

        var findings = PeopleRules.SelectMany(r => r.Evaluate(resources, Pack(DateOnly.FromDateTime(RecordedPlatformEnvironment.Now.UtcDateTime)))).ToList();

        Assert.Contains(resources, r => r.Name == "people-gitlab-adupont-bank-platform" && r.Property("accessLevel").AsString() == "owner");
        Assert.Empty(findings.Select(f => $"{f.RuleId} {f.Urn}: {f.Message}"));
    }

    [Fact]
    public async Task A_leaver_whose_resources_linger_is_flagged_on_each_of_them_without_the_catalog()
    {
        var resources = await Production();

        var flagged = new AccessPastEndDateRule().Evaluate(resources, Pack(AfterCmurphyLeft)).ToList();

        Assert.All(flagged, f => Assert.StartsWith("cmurphy left on 2026-11-27", f.Message, StringComparison.Ordinal));
        Assert.Contains(flagged, f => f.ResourceType == "vault:identity/entity:Entity");
        Assert.Contains(flagged, f => f.ResourceType == "gitlab:index/groupMembership:GroupMembership" && f.Urn.EndsWith("people-gitlab-cmurphy-bank-platform", StringComparison.Ordinal));
        Assert.Contains(flagged, f => f.ResourceType == "consul:index/aclToken:AclToken");
    }

    [Fact]
    public async Task Every_database_grant_the_stack_registers_is_flagged_once_its_end_has_passed()
    {
        var resources = await Production();
        var grantRoles = resources.Where(r => r.Type == "vault:database/secretBackendRole:SecretBackendRole" && r.Name.Contains("-grant-", StringComparison.Ordinal)).Select(r => r.Urn).ToList();

        var flagged = new TemporaryGrantExpiredRule().Evaluate(resources, Pack(new DateOnly(2099, 1, 1)))
            .Where(f => f.ResourceType == "vault:database/secretBackendRole:SecretBackendRole").ToList();

        Assert.NotEmpty(grantRoles);
        Assert.Equal(grantRoles.Order(StringComparer.Ordinal), flagged.Select(f => f.Urn).Order(StringComparer.Ordinal));
        Assert.All(flagged, f => Assert.Contains("and its Vault role is still declared", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_resource_of_the_stack_would_make_a_persons_vpn_key_or_any_other_private_key_in_the_state()
    {
        var resources = await Production();

        var findings = new VaultPkiNoPrivateKeyInStateRule().Evaluate(resources, Pack(DateOnly.FromDateTime(RecordedPlatformEnvironment.Now.UtcDateTime)));

        Assert.Contains(resources, r => r.Type == "vault:pkiSecret/secretBackendRootCert:SecretBackendRootCert" && r.Property("backend").AsString() == "pki-vpn");
        Assert.DoesNotContain(resources, r => r.Type == "vault:pkiSecret/secretBackendCert:SecretBackendCert");
        Assert.Empty(findings.Select(f => $"{f.Urn}: {f.Message}"));
    }

    [Fact]
    public async Task A_leaver_whose_resources_linger_is_flagged_with_the_catalog_as_the_nightly_run_has_it()
    {
        var resources = await Production();
        var deployment = await stacks.Of("production");
        var platformTeams = deployment.Program.Definition.Catalog.Teams.Where(t => t.IsPlatform).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var nightly = Pack(AfterCmurphyLeft) with
        {
            People = [.. deployment.Program.Definition.Catalog.People.Select(p => new PersonAccessWindow(p.Id, null, p.Teams.Any(platformTeams.Contains), p.End))],
        };

        var flagged = new AccessPastEndDateRule().Evaluate(resources, nightly).Select(f => f.Urn).ToList();

        Assert.Contains(flagged, urn => urn.EndsWith("people-gitlab-cmurphy-bank-platform", StringComparison.Ordinal));
        Assert.Contains(flagged, urn => urn.EndsWith("people-entity-cmurphy", StringComparison.Ordinal));
    }

    private static PolicyContext Pack(DateOnly today) => new("production", EnvironmentKind.Production, today);

    private async Task<ResourceSet> Production()
    {
        var deployment = await stacks.Of("production");
        using var export = new MemoryStream();
        StackExportWriter.Write(deployment, await OutputUtilities.GetValueAsync(deployment.Program.Urn), export);
        export.Position = 0;
        return StackExportReader.ReadAll(export, "production.json");
    }
}
