using Infra.Blueprints.Tests.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>Bad fleet settings in a stack file are reported with file, key path and line, like every other broken input.</summary>
public sealed class FleetConfigBrokenInputTests
{
    private const string SepaJustification = "          justification: SEPA batch files arrive under this prefix with a new key per file; no other prefix is readable\n";

    private static readonly Dictionary<string, BrokenInputCase> Cases = new()
    {
        ["wildcard resource without justification"] = new(Files.Staging, SepaJustification, "",
            Files.Staging, "infra:services.payments-api.iam[0].resources[0]", "is a wildcard; name the exact resources, or add a justification"),
        ["wildcard action without justification"] = new(Files.Staging, "actions: [kms:Decrypt]", "actions: [\"kms:*\"]",
            Files.Staging, "infra:services.payments-api.iam[1].actions[0]", "'kms:*' is a wildcard; name the exact actions"),
        ["bare wildcard resource without justification"] = new(Files.Staging, "resources: [arn:aws:kms:eu-west-3:111122223333:key/", "resources: [\"*\", arn:aws:kms:eu-west-3:111122223333:key/",
            Files.Staging, "infra:services.payments-api.iam[1].resources[0]", "'*' is a wildcard"),
        ["justification too short to read"] = new(Files.Staging, SepaJustification, "          justification: needed\n",
            Files.Staging, "infra:services.payments-api.iam[0].justification", "too short to justify a wildcard"),
        ["action of the wrong shape"] = new(Files.Staging, "actions: [kms:Decrypt]", "actions: [Decrypt]",
            Files.Staging, "infra:services.payments-api.iam[1].actions[0]", "'Decrypt' is not valid; expected an IAM action service:Action"),
        ["resource that is not an ARN"] = new(Files.Staging, "resources: [arn:aws:kms:eu-west-3:111122223333:key/", "resources: [kms-key/",
            Files.Staging, "infra:services.payments-api.iam[1].resources[0]", "expected an ARN"),
        ["statement without actions"] = new(Files.Staging, "actions: [kms:Decrypt]", "actions: []",
            Files.Staging, "infra:services.payments-api.iam[1].actions", "lists no action"),
        ["unknown key in a statement"] = new(Files.Staging, "          justification: one report", "          justifcation: one report",
            Files.Staging, "infra:services.regulatory-reporting.iam[0].justifcation", "unknown key 'justifcation'; did you mean 'justification'?"),
        ["zero capacity per instance"] = new(Files.Staging, "rpsPerInstance: 800", "rpsPerInstance: 0",
            Files.Staging, "infra:services.ledger.rpsPerInstance", "must be between 1 and 1000000, found 0"),
        ["negative peak"] = new(Files.Staging, "peakRps: 400", "peakRps: -5",
            Files.Staging, "infra:services.ledger.peakRps", "must be between 0 and 10000000, found -5"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_fleet_setting_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void Wildcard_error_names_the_line_of_the_wildcard()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, SepaJustification, "");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal(repository.LineOf(Files.Staging, "\"arn:aws:s3:::example-bank-stg-payment-files/sepa-inbound/*\""), error.Line);
    }

    [Fact]
    public void Justified_wildcards_of_the_repository_are_accepted()
    {
        using var repository = new RepositoryCopy();

        Assert.False(repository.Loader.LoadFromFiles("production").HasErrors);
    }

    [Fact]
    public void Production_network_with_two_zones_is_an_error()
    {
        using var repository = new RepositoryCopy().Edit(Files.Production, "        eu-west-3c: { id: subnet-0324d519e7d2c6347, cidr: 10.60.32.0/20 }\n", "");

        var result = repository.Loader.LoadFromFiles("production");

        var error = Assert.Single(result.Errors);
        Assert.Equal("infra:networks.eu-west-3.subnets", error.KeyPath);
        Assert.Contains("production fleets spread over at least 3 zones", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Staging_network_with_two_zones_is_accepted()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "        eu-west-3c: { id: subnet-03221e14769fe8b2b, cidr: 10.40.32.0/20 }\n", "");

        Assert.False(repository.Loader.LoadFromFiles("staging").HasErrors);
    }
}
