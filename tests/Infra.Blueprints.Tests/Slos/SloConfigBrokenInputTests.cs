using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Slos;

/// <summary>Bad SLO settings and alert owners are reported with file, key path and line, like every other broken input.</summary>
public sealed class SloConfigBrokenInputTests
{
    private const string CardSlo = "latency: { percent: 99.5, thresholdMs: 250 }";

    private static readonly Dictionary<string, BrokenInputCase> Cases = new()
    {
        ["availability above the range"] = new(Files.Staging, CardSlo, CardSlo + "\n        availability: 99.999",
            Files.Staging, "infra:services.card-authorizer.slo.availability", "must be between 95 and 99.99, found 99.999"),
        ["availability too low for a 14.4x page"] = new(Files.Staging, CardSlo, CardSlo + "\n        availability: 90",
            Files.Staging, "infra:services.card-authorizer.slo.availability", "must be between 95 and 99.99, found 90"),
        ["availability quoted"] = new(Files.Staging, CardSlo, CardSlo + "\n        availability: \"99.9\"",
            Files.Staging, "infra:services.card-authorizer.slo.availability", "found the quoted text '99.9' (remove the quotes)"),
        ["availability with three decimals"] = new(Files.Staging, CardSlo, CardSlo + "\n        availability: 99.955",
            Files.Staging, "infra:services.card-authorizer.slo.availability", "with at most two decimals, found '99.955'"),
        ["tier out of range"] = new(Files.Staging, CardSlo, CardSlo + "\n        tier: 4",
            Files.Staging, "infra:services.card-authorizer.slo.tier", "must be between 1 and 3, found 4"),
        ["window shorter than twice the ticket window"] = new(Files.Staging, CardSlo, CardSlo + "\n        window: 3d",
            Files.Staging, "infra:services.card-authorizer.slo.window", "3d is out of bounds; expected between 7d and 90d"),
        ["window not in days"] = new(Files.Staging, CardSlo, CardSlo + "\n        window: 200h",
            Files.Staging, "infra:services.card-authorizer.slo.window", "200h is not a whole number of days"),
        ["latency threshold too small"] = new(Files.Staging, CardSlo, "latency: { percent: 99.5, thresholdMs: 5 }",
            Files.Staging, "infra:services.card-authorizer.slo.latency.thresholdMs", "must be between 10 and 60000, found 5"),
        ["latency percent out of range"] = new(Files.Staging, CardSlo, "latency: { percent: 100, thresholdMs: 250 }",
            Files.Staging, "infra:services.card-authorizer.slo.latency.percent", "must be between 90 and 99.99, found 100"),
        ["unknown latency key"] = new(Files.Staging, CardSlo, "latency: { percent: 99.5, threshold: 250 }",
            Files.Staging, "infra:services.card-authorizer.slo.latency.threshold", "unknown key 'threshold'"),
        ["unknown slo key"] = new(Files.Staging, CardSlo, CardSlo + "\n        availabilty: 99.9",
            Files.Staging, "infra:services.card-authorizer.slo.availabilty", "did you mean 'availability'?"),
        ["on-call endpoint not https"] = new(Files.Teams, "onCall: https://oncall.example-bank.eu/hooks/cards", "onCall: http://oncall.example-bank.eu/hooks/cards",
            Files.Teams, "teams[3].onCall", "expected an https:// URL"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_slo_setting_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void A_team_that_owns_a_service_must_declare_its_on_call_endpoint()
    {
        using var repository = new RepositoryCopy().Edit(Files.Teams, "    onCall: https://oncall.example-bank.eu/hooks/risk", "");

        var result = repository.Loader.LoadFromFiles("staging");

        var error = Assert.Single(result.Errors);
        Assert.Equal(Files.Staging, error.File);
        Assert.Equal("infra:services.fraud-scoring.team", error.KeyPath);
        Assert.Contains("team 'risk' declares no onCall endpoint in stacks/catalog/teams.yaml", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_team_that_owns_a_database_must_declare_its_on_call_endpoint()
    {
        using var repository = new RepositoryCopy().Edit(Files.Teams, "    onCall: https://oncall.example-bank.eu/hooks/core-banking", "");

        var result = repository.Loader.LoadFromFiles("staging");

        Assert.Contains(result.Errors, e => e.KeyPath == "infra:databases.ledger-db.team" && e.Message.Contains("declares no onCall endpoint", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.KeyPath == "infra:services.ledger.team");
    }
}
