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
        ["target utilisation of 100 %"] = new(Files.Staging, "rpsPerInstance: 800", "rpsPerInstance: 800\n      targetUtilisationPercent: 100",
            Files.Staging, "infra:services.ledger.targetUtilisationPercent", "must be between 10 and 90, found 100"),
        ["target utilisation that is not a number"] = new(Files.Staging, "rpsPerInstance: 800", "rpsPerInstance: 800\n      targetUtilisationPercent: 70%",
            Files.Staging, "infra:services.ledger.targetUtilisationPercent", "70%"),
        ["liveness on the readiness path"] = new(Files.Staging, "        livenessPath: /livez", "        livenessPath: /healthz",
            Files.Staging, "infra:services.notifications.healthCheck.livenessPath", "is the readinessPath (/healthz); liveness decides replacement and must not check dependencies"),
        ["no liveness path"] = new(Files.Staging, "        livenessPath: /livez\n", "",
            Files.Staging, "infra:services.notifications.healthCheck.livenessPath", "missing required key 'livenessPath'"),
        ["the former single path"] = new(Files.Staging, "        livenessPath: /livez\n        readinessPath: /healthz", "        path: /healthz",
            Files.Staging, "infra:services.notifications.healthCheck.path", "unknown key 'path'"),
        ["plain http to confidential data"] = new(Files.Staging, "      port: 8080\n      peakRps: 50\n", "      port: 8080\n      protocol: http\n      peakRps: 50\n",
            Files.Staging, "infra:services.notifications.protocol", "is http, but notifications holds confidential data; the load balancer speaks TLS to its targets"),
        ["plain http to restricted data"] = new(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      protocol: http\n      peakRps: 400\n",
            Files.Staging, "infra:services.ledger.protocol", "is http, but ledger holds restricted data"),
        ["unknown protocol"] = new(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      protocol: tls\n      peakRps: 400\n",
            Files.Staging, "infra:services.ledger.protocol", "'tls'"),
        ["listener priority out of range"] = new(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      listenerPriority: 50001\n      peakRps: 400\n",
            Files.Staging, "infra:services.ledger.listenerPriority", "must be between 1 and 50000, found 50001"),
        ["negative peak"] = new(Files.Staging, "peakRps: 400", "peakRps: -5",
            Files.Staging, "infra:services.ledger.peakRps", "must be between 0 and 10000000, found -5"),
        ["platform peer that is not a group or prefix list"] = new(Files.Staging, "        vault: sg-00000000005a75cec", "        vault: 10.40.0.0/16",
            Files.Staging, "infra:networks.eu-west-3.platformPeers.vault", "expected a security group (sg-) or managed prefix list (pl-) id"),
        ["missing platform peer"] = new(Files.Staging, "        kafka: sg-0000000000e4cac46\n", "",
            Files.Staging, "infra:networks.eu-west-3.platformPeers.kafka", "missing required key 'kafka'"),
        ["egress proxy without a port"] = new(Files.Staging, "url: http://egress-proxy.stg-par.example-bank.eu:3128", "url: http://egress-proxy.stg-par.example-bank.eu",
            Files.Staging, "infra:networks.eu-west-3.egressProxy.url", "expected a proxy URL with a host and an explicit port"),
        ["no route table"] = new(Files.Staging, "routeTableIds: [rtb-0000000000f0e2101, rtb-00000000005487c64, rtb-000000000055a5a85]", "routeTableIds: []",
            Files.Staging, "infra:networks.eu-west-3.routeTableIds", "lists no route table"),
        ["egress destination of the wrong shape"] = new(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      peakRps: 400\n      egress: [https://example.com]\n",
            Files.Staging, "infra:services.ledger.egress[0]", "expected host:port outside the VPC"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_fleet_setting_is_reported_with_file_key_and_line(string caseName)
    {
        Cases[caseName].AssertReported();
    }

    [Fact]
    public void Egress_outside_the_vpc_without_an_egress_proxy_is_refused()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "      egressProxy:                     # the only way out to the internet, for a service's declared egress; PLACEHOLDER securityGroupId\n        url: http://egress-proxy.stg-par.example-bank.eu:3128\n        securityGroupId: sg-00000000008fac39a\n", "")
            .Edit(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      peakRps: 400\n      egress: [api.swift.com:443]\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal("infra:services.ledger.egress", error.KeyPath);
        Assert.Contains("lists destinations outside the VPC (api.swift.com:443), but the network of eu-west-3 declares no egressProxy", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Egress_is_refused_when_the_secondary_region_where_the_standby_runs_has_no_egress_proxy()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "      egressProxy:                     # the only way out to the internet, for a service's declared egress; PLACEHOLDER securityGroupId\n        url: http://egress-proxy.stg-dub.example-bank.eu:3128\n        securityGroupId: sg-0000000000762f56c\n", "")
            .Edit(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      peakRps: 400\n      egress: [api.swift.com:443]\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal("infra:services.ledger.egress", error.KeyPath);
        Assert.Contains("but the network of eu-west-1 declares no egressProxy; declare infra:networks.eu-west-1.egressProxy", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("production", 1, "is 1; the warm standby of ledger in eu-west-1 runs from 2 (production's floor) to 8 (its full minimum there, which a region switch scales it up to): allowed 2 to 8")]
    [InlineData("production", 9, "is 9; the warm standby of ledger in eu-west-1 runs from 2 (production's floor) to 8")]
    [InlineData("staging", 4, "is 4; the warm standby of ledger in eu-west-1 runs from 1 (staging's floor) to 3 (its full minimum there")]
    public void A_standby_minimum_outside_the_floor_and_the_full_minimum_is_refused_naming_the_key(string stack, int minimum, string message)
    {
        using var repository = LedgerStandbyMinimum(stack, minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = Assert.Single(repository.Loader.LoadFromFiles(stack).Errors);

        Assert.Equal("infra:services.ledger.standbyMinimum", error.KeyPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void A_standby_minimum_that_is_not_a_number_is_refused()
    {
        using var repository = LedgerStandbyMinimum("staging", "two");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal("infra:services.ledger.standbyMinimum", error.KeyPath);
    }

    /// <summary>The repository with ledger's <c>standbyMinimum</c> (stated in both stack files, after its rpsPerInstance) set to <paramref name="value"/>.</summary>
    private static RepositoryCopy LedgerStandbyMinimum(string stack, string value) => stack == "staging"
        ? new RepositoryCopy().Edit(Files.Staging, "      rpsPerInstance: 800\n      standbyMinimum: 1 ", $"      rpsPerInstance: 800\n      standbyMinimum: {value} ")
        : new RepositoryCopy().Edit(Files.Production, "      rpsPerInstance: 1200\n      standbyMinimum: 2 ", $"      rpsPerInstance: 1200\n      standbyMinimum: {value} ");

    [Fact]
    public void A_declared_standby_minimum_sizes_the_standby_fleet()
    {
        using var repository = LedgerStandbyMinimum("production", "3");

        var loaded = repository.Loader.LoadFromFiles("production");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var standby = Infra.Blueprints.Fleets.FleetBlueprints.For(loaded.Definition!).Single(b => b.Name == "ledger-eu-west-1");
        Assert.Equal((3, 3), (standby.Capacity.Min, standby.Capacity.Desired));
    }

    [Fact]
    public void Egress_outside_the_vpc_with_the_proxy_is_accepted_and_goes_to_the_proxy_only()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "      port: 8443\n      peakRps: 400\n", "      port: 8443\n      peakRps: 400\n      egress: [api.swift.com:443]\n");

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var ledger = Infra.Blueprints.Fleets.FleetBlueprints.For(loaded.Definition!).Single(b => b.Name == "ledger-eu-west-3");
        var proxy = Assert.Single(ledger.SecurityGroup.Egress, r => r.Key == "out-egress-proxy-3128");
        Assert.Equal(Infra.Blueprints.Aws.RulePeer.SecurityGroup("sg-00000000008fac39a"), proxy.Peer);
        Assert.Contains("api.swift.com:443", proxy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_target_utilisation_sizes_and_scales_the_fleet()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "rpsPerInstance: 800", "rpsPerInstance: 800\n      targetUtilisationPercent: 50");

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var ledger = Infra.Blueprints.Fleets.FleetBlueprints.For(loaded.Definition!).Single(b => b.Name == "ledger-eu-west-3");
        Assert.Equal(50, ledger.Capacity.TargetUtilisationPercent);
        Assert.Equal(1, ledger.Capacity.Needed);
        Assert.Equal(400m * 60, ledger.AutoScaling.TargetTracking.RequestsPerTargetPerMinute);
        Assert.Contains("at 50 % of 800 per instance", ledger.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_is_accepted_for_internal_data_only()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "      port: 8080\n      peakRps: 50\n", "      port: 8080\n      protocol: http\n      peakRps: 50\n")
            .Edit(Files.Staging, "(the floor); its cost: docs/dr.md\n      dataClassification: confidential\n      healthCheck:\n        livenessPath: /livez", "(the floor); its cost: docs/dr.md\n      dataClassification: internal\n      healthCheck:\n        livenessPath: /livez");

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var notifications = Infra.Blueprints.Fleets.FleetBlueprints.For(loaded.Definition!).Single(b => b.Name == "notifications-eu-west-3");
        Assert.Equal("HTTP", notifications.TargetGroup.Protocol);
    }

    /// <summary>A service named aa-77347, added last, hashes to ledger's listener priority.</summary>
    private const string CollidingService = """
            aa-77347:
              team: payments
              image: ami-0c4e9a1d7b3f52e86
              instanceType: m7i.large
              port: 8443
              peakRps: 10
              rpsPerInstance: 100
              dataClassification: internal
              healthCheck: { livenessPath: /health/live, readinessPath: /health/ready, intervalSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 2 }
          infra:databases:

        """;

    [Fact]
    public void A_service_added_on_an_existing_services_priority_is_refused_and_must_declare_a_free_one()
    {
        Assert.Equal(Infra.Blueprints.Fleets.ListenerPriorities.Derived("ledger"), Infra.Blueprints.Fleets.ListenerPriorities.Derived("aa-77347"));
        using var repository = new RepositoryCopy().Edit(Files.Staging, "  infra:databases:\n", CollidingService);

        var errors = repository.Loader.LoadFromFiles("staging").Errors.ToList();

        Assert.Equal(["infra:services.aa-77347", "infra:services.ledger"], errors.Select(e => e.KeyPath).Order(StringComparer.Ordinal));
        var added = errors.Single(e => e.KeyPath == "infra:services.aa-77347");
        Assert.Equal(repository.LineOf(Files.Staging, "    aa-77347:"), added.Line);
        Assert.Contains("gets listener priority 32180, as ledger does; priorities never move", added.Message, StringComparison.Ordinal);
        Assert.Contains("declare listenerPriority on the service being added", added.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_declared_free_priority_the_added_service_is_accepted_and_the_existing_one_keeps_its_own()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "  infra:databases:\n", CollidingService.Replace("      port: 8443\n", "      port: 8443\n      listenerPriority: 32181\n", StringComparison.Ordinal));

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var fleets = Infra.Blueprints.Fleets.FleetBlueprints.For(loaded.Definition!);
        Assert.Equal(32180, fleets.Single(f => f.Name == "ledger-eu-west-3").ListenerRule.Priority);
        Assert.Equal(32181, fleets.Single(f => f.Name == "aa-77347-eu-west-3").ListenerRule.Priority);
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
