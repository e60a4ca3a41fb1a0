using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests;

public sealed class PlanCommandTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Table_shows_every_section_of_the_stack()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Stack production (production): primary eu-west-3, secondary eu-west-1; people as of 2026-11-22", run.Output, StringComparison.Ordinal);
        foreach (var title in new[] { "Services (8)", "Databases (2)", "Kafka topics (39)", "Teams (9)" })
        {
            Assert.Contains(title, run.Output, StringComparison.Ordinal);
        }
        Assert.Contains("payments-api", run.Output, StringComparison.Ordinal);
        Assert.Contains("eu-west-3 -> eu-west-1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_shows_each_fleet_with_its_capacity_reason_and_what_each_service_may_read()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Fleets (16)", run.Output, StringComparison.Ordinal);
        Assert.Contains("standby 2/2/", run.Output, StringComparison.Ordinal);
        Assert.Contains("so that losing a zone", run.Output, StringComparison.Ordinal);
        Assert.Contains("Fleets: egress, Consul registration, health and sessions", run.Output, StringComparison.Ordinal);
        Assert.Contains("no shell, no Run Command (restricted data)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Fleets per region: EBS key grant and session logging", run.Output, StringComparison.Ordinal);
        Assert.Contains("ebs-key-grant-eu-west-3", run.Output, StringComparison.Ordinal);
        Assert.Contains("internet: none", run.Output, StringComparison.Ordinal);
        Assert.Contains("cloud auto-join", run.Output, StringComparison.Ordinal);
        Assert.Contains("Vault: what each service may read", run.Output, StringComparison.Ordinal);
        Assert.Contains("database/creds/payments-db-payments-api", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_shows_how_the_vault_provider_uses_its_token_and_for_how_long()
    {
        var table = CliRun.Infra(Repository, "plan", "--stack", "production");
        var json = CliRun.Infra(Repository, "plan", "--stack", "production", "--output", "json");

        Assert.Contains("Vault provider token: the login token as is (skipChildToken); the pipeline's JWT roles must issue it for at least 2h.", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        var token = document.RootElement.GetProperty("vaultProviderToken");
        Assert.Equal((7200, true), (token.GetProperty("maxLeaseTtlSeconds").GetInt32(), token.GetProperty("skipChildToken").GetBoolean()));
    }

    [Fact]
    public void Json_carries_fleets_and_vault_access()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production", "--output", "json");

        using var json = JsonDocument.Parse(run.Output);
        var fleets = json.RootElement.GetProperty("fleets").EnumerateArray().Where(f => f.GetProperty("service").GetString() == "ledger").ToList();
        Assert.Equal([("eu-west-3", false), ("eu-west-1", true)], fleets.Select(f => (f.GetProperty("region").GetString(), f.GetProperty("standby").GetBoolean())));
        var ledger = fleets[0];
        Assert.Equal(ledger.GetProperty("min").GetInt32(), ledger.GetProperty("fullSizeMin").GetInt32());
        Assert.Equal((2, ledger.GetProperty("min").GetInt32()), (fleets[1].GetProperty("min").GetInt32(), fleets[1].GetProperty("fullSizeMin").GetInt32()));
        var min = ledger.GetProperty("min").GetInt32();
        Assert.Equal(min, ledger.GetProperty("desired").GetInt32());
        Assert.True(min - ((min + 2) / 3) >= ledger.GetProperty("needed").GetInt32());
        Assert.Equal(min - ((min + 2) / 3), ledger.GetProperty("afterZoneLoss").GetInt32());
        Assert.Equal(70, ledger.GetProperty("targetUtilisationPercent").GetInt32());
        Assert.Equal(840m * 60, ledger.GetProperty("targetTracking").GetProperty("requestsPerTargetPerMinute").GetDecimal());
        Assert.Equal("internet: none", ledger.GetProperty("internet").GetString());
        Assert.Contains(ledger.GetProperty("egress").EnumerateArray(), e => e.GetProperty("description").GetString() == "Vault" && e.GetProperty("port").GetInt32() == 443);
        Assert.Equal(JsonValueKind.Null, ledger.GetProperty("egressProxy").ValueKind);
        Assert.Contains("cloud auto-join", ledger.GetProperty("consul").GetProperty("join").GetString(), StringComparison.Ordinal);
        Assert.Equal("/health/live", ledger.GetProperty("health").GetProperty("liveness").GetString());
        Assert.Equal("/health/ready", ledger.GetProperty("health").GetProperty("readiness").GetString());
        Assert.StartsWith("no shell, no Run Command (restricted data): Session Manager only under a temporary session/production/ledger grant", ledger.GetProperty("sessions").GetString(), StringComparison.Ordinal);
        // Both regions run fleets: each has its EBS key grant and its session logging.
        var grants = json.RootElement.GetProperty("ebsKeyGrants").EnumerateArray().ToList();
        Assert.Equal(["eu-west-1", "eu-west-3"], grants.Select(g => g.GetProperty("region").GetString()));
        Assert.All(grants, grant => Assert.Equal(("alias/infra-production", "arn:aws:iam::444455556666:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
            (grant.GetProperty("keyAlias").GetString(), grant.GetProperty("grantee").GetString())));
        var logging = json.RootElement.GetProperty("sessionLogging").EnumerateArray().ToList();
        Assert.Equal(["eu-west-1", "eu-west-3"], logging.Select(l => l.GetProperty("region").GetString()));
        Assert.All(logging, l => Assert.Equal(("/infra/production/session-manager", 365), (l.GetProperty("logGroup").GetString(), l.GetProperty("retentionDays").GetInt32())));
        var vault = json.RootElement.GetProperty("vault").EnumerateArray().Single(v => v.GetProperty("service").GetString() == "ledger");
        Assert.Equal("service-ledger", vault.GetProperty("policy").GetString());
    }

    [Fact]
    public void Json_is_the_plan_model()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "staging", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("staging", root.GetProperty("stack").GetString());
        Assert.Equal("2026-11-22", root.GetProperty("day").GetString());
        Assert.Equal(8, root.GetProperty("services").GetArrayLength());
        var payments = root.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "payments-api");
        Assert.Equal(["payments-db"], payments.GetProperty("databases").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(32, root.GetProperty("people").GetProperty("total").GetInt32());
    }

    /// <summary>The nightly global-cluster check (scripts/ci/check-global-clusters.sh) asks RDS about these identifiers.</summary>
    [Fact]
    public void Json_names_each_databases_global_cluster_and_its_clusters_as_the_stack_creates_them()
    {
        var run = CliRun.Infra(Repository, "plan", "--stack", "production", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var ledger = json.RootElement.GetProperty("databases").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ledger-db");
        Assert.Equal(
            ("ledger-db-production", "ledger-db-production-eu-west-3", "ledger-db-production-eu-west-1"),
            (ledger.GetProperty("globalCluster").GetString(), ledger.GetProperty("primaryCluster").GetString(), ledger.GetProperty("secondaryCluster").GetString()));
    }

    [Fact]
    public void Invalid_stack_is_not_planned()
    {
        using var copy = new RepositoryCopy().Edit(Files.Staging, "port: 9443", "port: 70000");

        var run = CliRun.Infra(copy.Root, "plan", "--stack", "staging");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("infra:services.card-authorizer.port: must be between 1024 and 65535", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing planned", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}
