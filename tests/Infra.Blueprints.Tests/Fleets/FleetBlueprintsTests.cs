using System.Text.Json;
using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>One blueprint per service, holding every decision about its fleet.</summary>
public sealed class FleetBlueprintsTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    private static FleetBlueprint Fleet(StackDefinition definition, string service) => FleetBlueprints.For(definition).Single(b => b.Service == service && !b.IsStandby);

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Every_service_gets_a_full_size_fleet_in_the_primary_region_and_a_warm_standby_in_the_secondary(string stack)
    {
        var definition = stack == "staging" ? Staging : Production;
        var (primary, secondary) = (definition.Regions.Primary, definition.Regions.Secondary);

        var blueprints = FleetBlueprints.For(definition);

        Assert.Equal(
            [.. definition.Services.Select(s => ($"{s.Name}-{primary}", s.Name, primary, false)), .. definition.Services.Select(s => ($"{s.Name}-{secondary}", s.Name, secondary, true))],
            blueprints.Select(b => (b.Name, b.Service, b.Region, b.IsStandby)));
        Assert.All(blueprints.Where(b => !b.IsStandby), b => Assert.Equal(b.FullSize, b.Capacity));
        // Neither region's fleet depends on which one is primary but through its sizes.
        Assert.All(blueprints.Where(b => b.IsStandby), b => Assert.Equal(FleetCapacity.Floor(definition.Environment), b.Capacity.Min));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Flipping_the_primary_region_changes_the_fleets_sizes_only(string stack)
    {
        var definition = stack == "staging" ? Staging : Production;
        var flipped = definition with { Regions = definition.Regions with { Primary = definition.Regions.Secondary, Secondary = definition.Regions.Primary } };

        var before = FleetBlueprints.For(definition).ToDictionary(b => b.Name);
        var after = FleetBlueprints.For(flipped).ToDictionary(b => b.Name);

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, fleet) in before)
        {
            var other = after[name];
            Assert.NotEqual(fleet.IsStandby, other.IsStandby);
            Assert.Equal(fleet.FullSize, other.FullSize);
            // Only the sizes (and the instance refresh's headroom, which follows the minimum) and the migration alias differ.
            Assert.Equal(
                fleet with { Capacity = other.Capacity, IsStandby = other.IsStandby, FormerName = other.FormerName, AutoScaling = fleet.AutoScaling with { InstanceRefresh = other.AutoScaling.InstanceRefresh } },
                other);
        }
    }

    [Fact]
    public void The_standby_runs_its_declared_minimum_with_the_full_maximum_and_names_the_minimum_a_switch_scales_it_up_to()
    {
        var definition = Production with { Services = [.. Production.Services.Select(s => s.Name == "payments-api" ? s with { StandbyMinimum = 4 } : s)] };

        var standby = FleetBlueprints.For(definition).Single(b => b.Service == "payments-api" && b.IsStandby);

        Assert.Equal(("payments-api-eu-west-1", "eu-west-1"), (standby.Name, standby.Region));
        Assert.Equal((4, 4, 12), (standby.Capacity.Min, standby.Capacity.Desired, standby.Capacity.Max));
        Assert.Equal((9, 12), (standby.FullSize.Min, standby.FullSize.Max));
        Assert.Null(standby.FormerName);
        Assert.StartsWith("standby 4/4/12 while 9 is the full minimum (scale-up at a region switch); full size: 9/9/12 over 3 zones", standby.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_primary_regions_fleet_is_aliased_from_the_name_it_had_before_fleets_carried_their_region() =>
        Assert.Equal(("payments-api-eu-west-3", "payments-api"), (Fleet(Staging, "payments-api").Name, Fleet(Staging, "payments-api").FormerName));

    [Fact]
    public void A_standby_minimum_above_the_full_minimum_is_refused_by_the_blueprint_too()
    {
        var definition = Staging with { Services = [.. Staging.Services.Select(s => s.Name == "ledger" ? s with { StandbyMinimum = 50 } : s)] };

        var error = Assert.Throws<ArgumentException>(() => FleetBlueprints.For(definition));

        Assert.Contains("ledger's standby minimum 50 is above its full minimum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blueprints_are_a_pure_function_of_the_definition() =>
        Assert.Equal(FleetBlueprints.For(Production), FleetBlueprints.For(Production));

    [Fact]
    public void Plan_line_explains_the_production_payments_fleet() =>
        Assert.Equal("9/9/12 over 3 zones: peak 2,400 rps at 70 % of 650 per instance = 6 needed; min 9 so that losing a zone (3 at most) leaves 6; target tracking at 455 rps per instance above min, up to max 12 (one zone more, room for a rolling refresh)",
            Fleet(Production, "payments-api").Explanation);

    [Fact]
    public void The_autoscaling_minimum_survives_a_zone_loss_at_the_peak()
    {
        // The finding: fraud-scoring at 4/6/8 could be scaled in to 4, and a zone loss then left 2 of the 4 it needed.
        var fraud = Fleet(Production, "fraud-scoring").Capacity;

        Assert.Equal((5, 8, 8, 11), (fraud.Needed, fraud.Min, fraud.Desired, fraud.Max));
        Assert.All(FleetBlueprints.For(Production).Concat(FleetBlueprints.For(Staging)), b =>
            Assert.True(b.FullSize.AfterZoneLoss * b.FullSize.TargetRpsPerInstance >= b.FullSize.PeakRps, b.Explanation));
    }

    [Fact]
    public void Target_tracking_on_requests_per_target_is_at_the_declared_utilisation()
    {
        var tracking = Fleet(Production, "payments-api").AutoScaling.TargetTracking;

        Assert.Equal(new TargetTrackingSettings("ALBRequestCountPerTarget", "app/internal-production/757be36bc88e3416", 455m * 60, FleetBlueprints.HealthCheckGracePeriodSeconds), tracking);
    }

    [Fact]
    public void Production_fleets_never_run_on_fewer_than_two_instances_after_a_zone_loss() =>
        Assert.All(FleetBlueprints.For(Production), b => Assert.True(b.FullSize.AfterZoneLoss >= Math.Max(2, b.FullSize.Needed), b.Explanation));

    [Fact]
    public void Every_fleet_carries_the_mandatory_tags()
    {
        var fleet = Fleet(Staging, "payments-api");

        Assert.Equal(
            [
                new ResourceTag("service", "payments-api"),
                new ResourceTag("team", "payments"),
                new ResourceTag("environment", "staging"),
                new ResourceTag("cost-center", "CC-4100"),
                new ResourceTag("data-classification", "restricted"),
                new ResourceTag("managed-by", "pulumi"),
            ],
            fleet.Tags);
        Assert.All(FleetBlueprints.For(Production), b => Assert.Equal(
            ["service", "team", "environment", "cost-center", "data-classification", "managed-by"],
            b.Tags.Select(t => t.Key)));
    }

    [Fact]
    public void Launch_template_requires_imdsv2_encrypts_with_the_environment_key_and_has_no_public_address()
    {
        var template = Fleet(Production, "ledger").LaunchTemplate;

        Assert.Equal(new InstanceMetadataOptions("enabled", "required", 1, "disabled"), template.Metadata);
        Assert.True(template.RootVolume.Encrypted);
        Assert.Equal("alias/infra-production", template.RootVolume.KmsKeyAlias);
        Assert.False(template.AssociatePublicIpAddress);
        Assert.True(template.DetailedMonitoring);
        Assert.Equal("ami-05d83e1fa2c79b460", template.ImageId);
        Assert.Equal("r7i.2xlarge", template.InstanceType);
    }

    [Fact]
    public void Group_spans_every_zone_and_refreshes_launch_before_terminate()
    {
        var fleet = Fleet(Production, "payments-api");
        var scaling = fleet.AutoScaling;

        Assert.Equal(Production.Networks.Single(n => n.Region == "eu-west-3").Subnets, scaling.Subnets);
        Assert.Equal("EC2", scaling.HealthCheckType);
        Assert.True(scaling.CapacityRebalance);
        Assert.Equal(new InstanceRefreshSettings("Rolling", 100, 133, FleetBlueprints.HealthCheckGracePeriodSeconds, AutoRollback: true, SkipMatching: true), scaling.InstanceRefresh);
    }

    [Fact]
    public void Liveness_replaces_readiness_routes()
    {
        var fleet = Fleet(Production, "payments-api");

        // The group does not replace on the load balancer's readiness verdict: a database switchover only stops routing.
        Assert.Equal("EC2", fleet.AutoScaling.HealthCheckType);
        Assert.Equal("/health/ready", fleet.TargetGroup.HealthCheck.Path);
        Assert.Equal(new LivenessCheck("/health/live", "HTTPS", 8443, 10, 5, 2), fleet.AutoScaling.Liveness);
        Assert.Contains(new ResourceTag(AutoScalingSettings.LivenessTag, "/health/live"), fleet.AutoScaling.Tags);
        Assert.Equal(fleet.Tags, fleet.AutoScaling.Tags.Where(t => t.Key != AutoScalingSettings.LivenessTag));
    }

    [Fact]
    public void Plan_lines_say_what_the_fleet_reaches_how_it_registers_and_what_replaces_it()
    {
        var fleet = Fleet(Production, "payments-api");

        Assert.Equal("internet: none", fleet.Internet);
        Assert.Contains("Vault: tcp/443 to sg-0000000000e6a4dec", fleet.EgressRules);
        Assert.Contains("PostgreSQL: payments-db: tcp/5432 to database payments-db", fleet.EgressRules);
        Assert.Contains("to ledger, which it calls: tcp/8443 to fleet ledger", fleet.EgressRules);
        Assert.Equal(fleet.SecurityGroup.Egress.Count(), fleet.EgressRules.Count);
        Assert.Equal("the local agent registers payments-api on port 8443 (HTTPS), healthy while /health/ready answers (every 10 s); it joins by cloud auto-join: EC2 instances tagged consul-server=prd-par in eu-west-3 (ec2:DescribeInstances, that region only)",
            fleet.ConsulRegistration);
        Assert.Equal("replaced after 2 failed /health/live probes 10 s apart (or a failed boot), after a 480 s grace; routed while /health/ready passes", fleet.Health);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void The_load_balancer_speaks_tls_to_every_target_of_the_repository(string stack) =>
        Assert.All(FleetBlueprints.For(stack == "staging" ? Staging : Production), b =>
        {
            Assert.Equal("HTTPS", b.TargetGroup.Protocol);
            Assert.Equal("HTTPS", b.TargetGroup.HealthCheck.Protocol);
        });

    [Fact]
    public void Grace_period_covers_the_longest_boot()
    {
        var scaling = Fleet(Production, "ledger").AutoScaling;

        Assert.True(scaling.HealthCheckGracePeriodSeconds >= UserDataTemplate.SecretsTimeoutSeconds + FleetBlueprints.ApplicationStartSeconds);
        Assert.Equal(scaling.HealthCheckGracePeriodSeconds, scaling.InstanceRefresh.InstanceWarmupSeconds);
        Assert.Equal(scaling.HealthCheckGracePeriodSeconds, scaling.TargetTracking.EstimatedInstanceWarmupSeconds);
    }

    [Fact]
    public void Target_group_checks_the_declared_health_path_on_the_service_port()
    {
        var targetGroup = Fleet(Staging, "notifications").TargetGroup;

        Assert.Equal(8080, targetGroup.Port);
        Assert.Equal("HTTPS", targetGroup.Protocol);
        Assert.Equal(new TargetHealthCheck("/healthz", "HTTPS", 15, 5, 3, 3, "200"), targetGroup.HealthCheck);
        Assert.Equal(4, Fleet(Staging, "card-authorizer").TargetGroup.HealthCheck.TimeoutSeconds);
        Assert.Equal("HTTPS", Fleet(Staging, "card-authorizer").TargetGroup.Protocol);
    }

    [Fact]
    public void Listener_rule_routes_the_service_host_name_with_a_unique_priority()
    {
        var blueprints = FleetBlueprints.For(Staging);

        Assert.Equal("payments-api.stg.example-bank.eu", blueprints.Single(b => b.Name == "payments-api-eu-west-3").ListenerRule.HostHeader);
        // One listener per region: priorities are unique on each, and a service has the same one on both.
        Assert.All(blueprints.GroupBy(b => b.ListenerRule.ListenerArn), listener => Assert.Equal(listener.Count(), listener.Select(b => b.ListenerRule.Priority).Distinct().Count()));
        Assert.Equal(2, blueprints.Select(b => b.ListenerRule.ListenerArn).Distinct().Count());
        Assert.All(blueprints, b => Assert.Equal(ListenerPriorities.Derived(b.Service), b.ListenerRule.Priority));
    }

    [Fact]
    public void A_colliding_service_never_moves_the_priority_of_one_that_exists()
    {
        // svc-56 and svc-100 hash to the same priority, and svc-100 sorts first: before, adding it moved svc-56.
        Assert.Equal(ListenerPriorities.Derived("svc-56"), ListenerPriorities.Derived("svc-100"));
        var existing = Service("svc-56", null);
        var added = Service("svc-100", null);

        var collision = Assert.Single(ListenerPriorities.Collisions([existing, added]));

        Assert.Equal(ListenerPriorities.Derived("svc-56"), collision.Priority);
        Assert.Equal([existing, added], collision.Services);
        Assert.Equal(ListenerPriorities.Derived("svc-56"), ListenerPriorities.Of(existing));
        Assert.Empty(ListenerPriorities.Collisions([existing, Service("svc-100", 1_000)]));
    }

    [Fact]
    public void A_declared_priority_is_the_services_whatever_its_name()
    {
        Assert.Equal(42_000, ListenerPriorities.Of(Service("ledger", 42_000)));
        Assert.Equal(ListenerPriorities.Derived("ledger"), ListenerPriorities.Of(Service("ledger", null)));
    }

    private static ServiceDefinition Service(string name, int? priority) =>
        Staging.Services.Single(s => s.Name == "ledger") with { Name = name, ListenerPriority = priority };

    [Fact]
    public void Role_has_the_declared_statements_after_the_platforms()
    {
        var role = Fleet(Staging, "payments-api").Role;

        Assert.Equal("payments-api-eu-west-3", role.VaultAuthRole);
        using var policy = JsonDocument.Parse(role.InlinePolicy);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().Where(s => s.GetProperty("Sid").GetString()!.StartsWith("Declared", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal("s3:GetObject", statements[0].GetProperty("Action")[0].GetString());
        Assert.Equal("arn:aws:s3:::example-bank-stg-payment-files/sepa-inbound/*", statements[0].GetProperty("Resource")[0].GetString());
        Assert.Equal("Declared2", statements[1].GetProperty("Sid").GetString());
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
        using var assume = JsonDocument.Parse(role.AssumeRolePolicy);
        Assert.Equal("ec2.amazonaws.com", assume.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("Service").GetString());
    }

    [Fact]
    public void A_service_without_statements_has_only_the_platform_statements() =>
        Assert.DoesNotContain(Fleet(Staging, "ledger").Role.Statements, s => s.Sid.StartsWith("Declared", StringComparison.Ordinal));

    [Fact]
    public void Callers_are_exactly_the_services_that_declare_the_dependency()
    {
        var ledger = Fleet(Staging, "ledger");

        Assert.Equal(["back-office", "card-authorizer", "payments-api", "regulatory-reporting"], ledger.CalledBy);
        Assert.Empty(Fleet(Staging, "back-office").CalledBy);
        Assert.Equal(["card-authorizer", "customer-profile", "fraud-scoring", "ledger"], Fleet(Staging, "payments-api").Calls);
    }

    [Fact]
    public void A_production_network_with_two_zones_is_refused()
    {
        var network = Production.Networks.Single(n => n.Region == Production.Regions.Primary);
        var twoZones = Production with
        {
            Networks = [.. Production.Networks.Select(n => n == network ? n with { Subnets = [.. n.Subnets.Take(2)] } : n)],
        };

        var error = Assert.Throws<ArgumentException>(() => FleetBlueprints.For(twoZones));

        Assert.Contains("production fleets need at least 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Every_fleet_group_revokes_its_rules_before_it_is_deleted(string stack)
    {
        Assert.All(FleetBlueprints.For(stack == "staging" ? Staging : Production), b => Assert.True(b.SecurityGroup.RevokeRulesOnDelete));
    }
}
