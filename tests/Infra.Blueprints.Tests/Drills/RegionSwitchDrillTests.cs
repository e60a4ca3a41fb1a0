using Infra.Blueprints.Definition;
using Infra.Blueprints.Drills;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Tests.Fleets;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Drills;

public sealed class RegionSwitchDrillTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Repository_stacks_are_ready_for_the_switch(string stack)
    {
        var plan = RegionSwitchDrill.Plan(RepositoryDefinitions.Load(stack));

        Assert.True(plan.Ready, string.Join("\n", plan.PreChecks.Where(c => c.Status == DrillCheckStatus.Failed).Select(c => c.Detail)));
        Assert.Equal(("eu-west-3", "eu-west-1"), (plan.From, plan.To));
        Assert.Equal(2, plan.PreChecks.Count(c => c.Id == "secondary-capacity" && c.Status == DrillCheckStatus.Passed));
        Assert.Equal(2, plan.PreChecks.Count(c => c.Id == "replication-lag" && c.Status == DrillCheckStatus.Manual));
    }

    [Fact]
    public void A_secondary_with_fewer_readers_fails_the_capacity_check()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "    payments-db:\n      team: payments\n", "    payments-db:\n      team: payments\n      secondaryReaders: 0\n");
        var definition = repository.Loader.LoadFromFiles("staging").Definition!;

        var plan = RegionSwitchDrill.Plan(definition);

        Assert.False(plan.Ready);
        var failed = Assert.Single(plan.PreChecks, c => c.Status == DrillCheckStatus.Failed);
        Assert.Equal(("secondary-capacity", "payments-db"), (failed.Id, failed.Subject));
        Assert.Contains("eu-west-1 has 1 instance(s)", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("set infra:databases.payments-db.secondaryReaders to at least 1", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_network_too_small_for_the_fleets_fails_and_says_what_to_create_first()
    {
        var production = RepositoryDefinitions.Load("production");
        var target = production.Networks.Single(n => n.Region == "eu-west-1");
        var shrunk = production with
        {
            Networks = production.Networks.Select(n => n == target ? target with { Subnets = [target.Subnets[0], target.Subnets[1]] } : n).ToEquatableList(),
        };

        var check = Assert.Single(RegionSwitchDrill.Plan(shrunk).PreChecks, c => c.Id == "fleets-in-target");

        Assert.Equal(DrillCheckStatus.Failed, check.Status);
        Assert.Contains("has 2 zone(s); production fleets need at least 3: add subnets under infra:networks.eu-west-1.subnets and apply before the switch", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Planned_switchover_loses_nothing_and_a_failover_at_most_what_rds_global_db_rpo_enforces()
    {
        var plan = RegionSwitchDrill.Plan(Staging);

        Assert.Equal(TimeSpan.Zero, plan.PlannedObjective.RecoveryPoint);
        // The declared 5s is below Aurora's minimum for rds.global_db_rpo: 20s is what can be defended.
        Assert.Equal(TimeSpan.FromSeconds(20), plan.FailoverObjective.RecoveryPoint);
        Assert.Contains("its minimum is 20s", plan.FailoverObjective.Explanation, StringComparison.Ordinal);
        // Live checks, the standby's scale-up (a launch and at most a whole boot: 2m + 8m), the switchover and Vault,
        // from the declared estimates: writes resume through the global writer endpoint, at full capacity.
        Assert.Equal(TimeSpan.FromMinutes(22), plan.PlannedObjective.RecoveryTime);
        Assert.Equal("RPO 0s, RTO 22m", plan.PlannedObjective.Summary);
        // Live checks, scale-up, fencing, failover and, if that fails, detach and promote; then Vault.
        Assert.Equal(TimeSpan.FromMinutes(34), plan.FailoverObjective.RecoveryTime);
        Assert.Contains("scale-up 10m", plan.PlannedObjective.Explanation, StringComparison.Ordinal);
        Assert.Contains("declared estimates (no drill record yet)", plan.PlannedObjective.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_RTO_comes_from_the_durations_the_last_drill_measured()
    {
        var record = new DrillRecord("staging", new DateOnly(2026, 9, 15), [new MeasuredStep("switchover", TimeSpan.FromSeconds(212)), new MeasuredStep("live-checks", TimeSpan.FromSeconds(90))]);

        var plan = RegionSwitchDrill.Plan(Staging, record);

        Assert.Equal(TimeSpan.FromSeconds(302 + 600 + 120), plan.PlannedObjective.RecoveryTime);
        var switchover = plan.PlannedSwitchover.Single(s => s.Id == "switchover");
        Assert.True(switchover.Measured);
        Assert.Equal(TimeSpan.FromSeconds(212), switchover.Budget);
        Assert.False(plan.PlannedSwitchover.Single(s => s.Id == "apply").Measured);
        Assert.Contains("the drill of 2026-09-15", plan.PlannedObjective.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"stack":"staging","day":"2026-09-15","steps":[{"id":"switchover","seconds":212}]}""", null)]
    [InlineData("""{"stack":"production","day":"2026-09-15","steps":[]}""", "stacks/drills/staging.region-switch.json: stack is 'production'; expected 'staging'")]
    [InlineData("""{"stack":"staging","day":"15/09/2026","steps":[]}""", "stacks/drills/staging.region-switch.json: not a drill record")]
    [InlineData("""{"stack":"staging","day":"2026-09-15","steps":[{"id":"switchover","seconds":-1}]}""", "step 'switchover' needs an id and seconds of 0 or more")]
    [InlineData("not json", "not a drill record")]
    public void A_drill_record_is_read_or_refused_naming_the_file(string text, string? error)
    {
        var record = DrillRecordReader.Read(text, "stacks/drills/staging.region-switch.json", "staging", out var problem);

        if (error is null)
        {
            Assert.Null(problem);
            Assert.Equal(TimeSpan.FromSeconds(212), record!.DurationOf("switchover"));
        }
        else
        {
            Assert.Null(record);
            Assert.Contains(error, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Steps_switch_the_writer_then_record_the_switch_in_config_then_apply_and_verify()
    {
        var plan = RegionSwitchDrill.Plan(Staging);

        Assert.Equal(
            ["Announce and freeze", "Check what only the live estate can tell", "Scale the standby fleets in eu-west-1 up to full size", "Switch the writer over to eu-west-1", "Point Vault at the new writers", "Record the switch in the stack config", "Apply", "Verify"],
            plan.PlannedSwitchover.Select(s => s.Title));
        Assert.Equal(["announce", "live-checks", "scale-up", "switchover", "vault-follows-writer", "record-config", "apply", "verify"], plan.PlannedSwitchover.Select(s => s.Id));
        Assert.Contains("aws rds switchover-global-cluster --region eu-west-3 --global-cluster-identifier ledger-db-staging --target-db-cluster-identifier arn:aws:rds:eu-west-1:111122223333:cluster:ledger-db-staging-eu-west-1", plan.PlannedSwitchover[3].Commands);
        Assert.Contains("pulumi config set --path --stack staging 'infra:regions.primary' eu-west-1", plan.PlannedSwitchover[5].Commands);
        Assert.Contains("create, replace and delete nothing", plan.PlannedSwitchover[5].Detail, StringComparison.Ordinal);
        Assert.Contains("It changes only sizes", plan.PlannedSwitchover[6].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.PlannedSwitchover[7].Commands, c => c.Contains("/creds/", StringComparison.Ordinal));
        Assert.Contains("vault read -field=connection_details database/config/payments-db", plan.PlannedSwitchover[7].Commands);
        Assert.All(plan.DisasterFailover.Single(s => s.Id == "failover").Commands, c => Assert.EndsWith("--allow-data-loss", c, StringComparison.Ordinal));
        Assert.Contains(plan.Rollback[0].Commands, c => c.Contains("--target-db-cluster-identifier arn:aws:rds:eu-west-3:111122223333:cluster:payments-db-staging-eu-west-3", StringComparison.Ordinal));
    }

    [Fact]
    public void The_switch_scales_every_standby_fleet_up_to_its_full_minimum_first_and_the_switch_back_scales_it_down_again()
    {
        var definition = Staging with { Services = [.. Staging.Services.Select(s => s.Name == "ledger" ? s with { StandbyMinimum = 2 } : s)] };
        var plan = RegionSwitchDrill.Plan(definition);
        var full = FleetBlueprints.For(definition).Single(f => f.Name == "ledger-eu-west-3").Capacity.Min;

        var scaleUp = plan.PlannedSwitchover.Single(s => s.Id == "scale-up");

        Assert.True(RegionSwitchDrill.CountsTowardRto(scaleUp));
        // Every group is set before any wait, so that the standby fleets launch together and the step takes one boot, not one per service.
        Assert.Equal(2 * definition.Services.Count, scaleUp.Commands.Count);
        var sets = scaleUp.Commands.Take(definition.Services.Count).ToList();
        var waits = scaleUp.Commands.Skip(definition.Services.Count).ToList();
        Assert.All(sets, c => Assert.DoesNotContain("describe-target-health", c, StringComparison.Ordinal));
        Assert.All(waits, c => Assert.DoesNotContain("update-auto-scaling-group", c, StringComparison.Ordinal));
        Assert.Equal(
            "group=$(aws autoscaling describe-auto-scaling-groups --region eu-west-1 --filters Name=tag:service,Values=ledger Name=tag:environment,Values=staging --query 'AutoScalingGroups[0].AutoScalingGroupName' --output text) "
            + $"&& aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name \"$group\" --min-size {full}",
            Assert.Single(sets, c => c.Contains("Values=ledger ", StringComparison.Ordinal)));
        var wait = Assert.Single(waits, c => c.Contains("Values=ledger ", StringComparison.Ordinal));
        Assert.Contains($"length(TargetHealthDescriptions[?TargetHealth.State==`healthy`])' --output text)\" -ge {full} ] && break", wait, StringComparison.Ordinal);
        // A timeout fails the command and says so, without an exit that would close the on-call's shell.
        Assert.DoesNotContain("exit", wait, StringComparison.Ordinal);
        Assert.EndsWith($"[ \"$try\" -lt 60 ] && sleep 15; done || {{ echo \"ledger: fewer than {full} healthy targets in eu-west-1 after 15 minutes\" >&2; false; }}", wait, StringComparison.Ordinal);
        Assert.True(plan.DisasterFailover.Single(s => s.Id == "scale-up").Commands.SequenceEqual(scaleUp.Commands));
        // The switch-back sets the declared standby minimum again, before the writers move back.
        Assert.Equal(
            "group=$(aws autoscaling describe-auto-scaling-groups --region eu-west-1 --filters Name=tag:service,Values=ledger Name=tag:environment,Values=staging --query 'AutoScalingGroups[0].AutoScalingGroupName' --output text) "
            + "&& aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name \"$group\" --min-size 2",
            Assert.Single(plan.Rollback[0].Commands, c => c.Contains("Values=ledger ", StringComparison.Ordinal)));
        Assert.True(plan.Rollback[0].Commands.ToList().FindIndex(c => c.Contains("update-auto-scaling-group", StringComparison.Ordinal))
            < plan.Rollback[0].Commands.ToList().FindIndex(c => c.Contains("switchover-global-cluster", StringComparison.Ordinal)));
    }

    [Fact]
    public void In_a_failover_people_connect_through_and_services_resolve_names_in_the_region_that_serves()
    {
        var plan = RegionSwitchDrill.Plan(RepositoryDefinitions.Load("production"));

        var announce = plan.DisasterFailover.Single(s => s.Id == "announce").Detail;

        Assert.Contains("connects to the Client VPN endpoint vpn-production in eu-west-1 (their eu-west-1 profile, the same certificate), which carries the same authorization rules as eu-west-3's", announce, StringComparison.Ordinal);
        Assert.DoesNotContain("Client VPN", plan.PlannedSwitchover.Single(s => s.Id == "announce").Detail, StringComparison.Ordinal);
        Assert.Contains("eu-west-1's Consul datacenter has it registered, so the services there resolve it without eu-west-3",
            plan.DisasterFailover.Single(s => s.Id == "failover").Detail, StringComparison.Ordinal);
        // The program looks the endpoint up in both regions, so the apply waits for the lost region's API.
        Assert.Contains("While eu-west-3's API does not answer, the preview fails on the program's lookups there (its EBS key alias, its Client VPN endpoint)",
            plan.DisasterFailover.Single(s => s.Id == "apply").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failover_fences_the_old_writers_and_has_a_detach_and_promote_path()
    {
        var plan = RegionSwitchDrill.Plan(Staging);

        Assert.Equal(["announce", "live-checks", "scale-up", "fence-writes", "failover", "detach-and-promote", "vault-follows-writer", "record-config", "apply", "verify"], plan.DisasterFailover.Select(s => s.Id));
        Assert.Contains(
            "aws rds modify-db-cluster-parameter-group --region eu-west-3 --db-cluster-parameter-group-name ledger-db-staging-eu-west-3-aurora-postgresql16 --parameters ParameterName=default_transaction_read_only,ParameterValue=on,ApplyMethod=immediate",
            plan.DisasterFailover.Single(s => s.Id == "fence-writes").Commands);
        Assert.Contains(
            "aws rds remove-from-global-cluster --region eu-west-1 --global-cluster-identifier ledger-db-staging --db-cluster-identifier arn:aws:rds:eu-west-1:111122223333:cluster:ledger-db-staging-eu-west-1",
            plan.DisasterFailover.Single(s => s.Id == "detach-and-promote").Commands);
    }

    [Fact]
    public void The_way_back_lifts_the_fence_before_a_writer_returns_to_the_fenced_region()
    {
        var plan = RegionSwitchDrill.Plan(Staging);

        var runBack = plan.Rollback.Single(s => s.Id == "run-back");

        Assert.Equal(
            "aws rds reset-db-cluster-parameter-group --region eu-west-3 --db-cluster-parameter-group-name ledger-db-staging-eu-west-3-aurora-postgresql16 --parameters ParameterName=default_transaction_read_only,ApplyMethod=immediate",
            runBack.Commands[0]);
        Assert.Contains(plan.DisasterFailover.Single(s => s.Id == "fence-writes").Commands,
            c => c.Contains("--db-cluster-parameter-group-name ledger-db-staging-eu-west-3-aurora-postgresql16 ", StringComparison.Ordinal));
        Assert.Contains("lifts the fence", runBack.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_failover_the_config_change_runs_against_the_state_replica()
    {
        var plan = RegionSwitchDrill.Plan(Staging);

        Assert.Contains("PULUMI_BACKEND_URL set to the state's replica in eu-west-1", plan.DisasterFailover.Single(s => s.Id == "record-config").Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("PULUMI_BACKEND_URL", plan.PlannedSwitchover.Single(s => s.Id == "record-config").Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staging", "stg-dub")]
    [InlineData("production", "prd-dub")]
    public void A_detached_writer_is_registered_in_the_target_regions_consul_by_the_runbook_since_the_global_writer_endpoint_stays_behind(string stack, string datacenter)
    {
        var plan = RegionSwitchDrill.Plan(RepositoryDefinitions.Load(stack));

        var detach = plan.DisasterFailover.Single(s => s.Id == "detach-and-promote");

        Assert.Equal(
            [
                $"aws rds remove-from-global-cluster --region eu-west-1 --global-cluster-identifier ledger-db-{stack} --db-cluster-identifier arn:aws:rds:eu-west-1:{(stack == "staging" ? "111122223333" : "444455556666")}:cluster:ledger-db-{stack}-eu-west-1",
                $"aws rds wait db-cluster-available --region eu-west-1 --db-cluster-identifier ledger-db-{stack}-eu-west-1",
                $"endpoint=$(aws rds describe-db-clusters --region eu-west-1 --db-cluster-identifier ledger-db-{stack}-eu-west-1 --query 'DBClusters[0].Endpoint' --output text) && curl --fail --silent --show-error -X PUT -H \"X-Consul-Token: $CONSUL_HTTP_TOKEN\" "
                + $"--data \"{{\\\"Datacenter\\\":\\\"{datacenter}\\\",\\\"Node\\\":\\\"ledger-db-aurora\\\",\\\"Address\\\":\\\"$endpoint\\\",\\\"NodeMeta\\\":{{\\\"external-node\\\":\\\"true\\\",\\\"external-probe\\\":\\\"false\\\"}},"
                + "\\\"Service\\\":{\\\"Service\\\":\\\"ledger-db\\\",\\\"Address\\\":\\\"$endpoint\\\",\\\"Port\\\":5432,\\\"Tags\\\":[\\\"aurora-postgresql\\\",\\\"writer\\\"]}}\" "
                + $"https://consul.{datacenter}.example-bank.eu/v1/catalog/register",
            ],
            detach.Commands.Where(c => c.Contains("ledger-db", StringComparison.Ordinal)));
        // The apply would register the global writer endpoint, the old writer, again.
        Assert.Contains("After a detach, run no apply", detach.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("the apply of the next step does", detach.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pre_checks_commands_ask_the_secondary_region_which_answers_when_the_primary_is_lost()
    {
        var plan = RegionSwitchDrill.Plan(RepositoryDefinitions.Load("production"));

        Assert.All(plan.PreChecks.Where(c => c.Detail.Contains("aws ", StringComparison.Ordinal)), c => Assert.DoesNotContain("--region eu-west-3", c.Detail, StringComparison.Ordinal));
        Assert.Contains("aws rds describe-global-clusters --region eu-west-1 --global-cluster-identifier ledger-db-production", plan.PreChecks.First(c => c.Id == "secondary-cluster").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replication_lag_is_read_by_a_command_that_runs_as_written_and_in_a_failover_noted_as_the_data_lost()
    {
        var plan = RegionSwitchDrill.Plan(RepositoryDefinitions.Load("production"));
        const string lag = "aws cloudwatch get-metric-statistics --region eu-west-1 --namespace AWS/RDS --metric-name AuroraGlobalDBReplicationLag --dimensions Name=DBClusterIdentifier,Value=ledger-db-production-eu-west-1 --statistics Maximum --period 60 "
            + "--start-time \"$(date -u -d '15 minutes ago' +%Y-%m-%dT%H:%M:%SZ)\" --end-time \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"";

        // No <placeholder>: the shell would read it as a redirection.
        Assert.EndsWith(lag, plan.PreChecks.First(c => c.Id == "replication-lag").Detail, StringComparison.Ordinal);
        Assert.Contains(lag, plan.DisasterFailover.Single(s => s.Id == "live-checks").Commands);
        Assert.DoesNotContain(plan.PlannedSwitchover.Single(s => s.Id == "live-checks").Commands, c => c.Contains("cloudwatch", StringComparison.Ordinal));
        Assert.All(plan.PlannedSwitchover.Concat(plan.DisasterFailover).Concat(plan.Rollback).SelectMany(s => s.Commands), c => Assert.DoesNotMatch("<[a-z]", c));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Vault_is_pointed_at_the_new_writers_cluster_endpoint_by_the_runbook_before_writes_count_as_resumed(bool planned)
    {
        var plan = RegionSwitchDrill.Plan(Staging);
        var steps = planned ? plan.PlannedSwitchover : plan.DisasterFailover;

        var vault = steps.Single(s => s.Id == "vault-follows-writer");

        var ids = steps.Select(s => s.Id).ToList();
        Assert.Equal(ids.IndexOf("record-config") - 1, ids.IndexOf("vault-follows-writer"));
        Assert.Contains(
            "vault write database/config/ledger-db connection_url=\"postgresql://{{username}}:{{password}}@$(aws rds describe-db-clusters --region eu-west-1 --db-cluster-identifier ledger-db-staging-eu-west-1 --query 'DBClusters[0].Endpoint' --output text):5432/ledger_db?sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem\"",
            vault.Commands);
        // Only the URL is written: Vault keeps the password it rotated.
        Assert.All(vault.Commands, c => Assert.DoesNotContain("password=", c, StringComparison.Ordinal));
        Assert.Contains("vault-follows-writer 2m", (planned ? plan.PlannedObjective : plan.FailoverObjective).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_back_before_the_config_change_also_points_vault_back()
    {
        var switchBack = RegionSwitchDrill.Plan(Staging).Rollback[0];

        Assert.Contains(switchBack.Commands, c => c.StartsWith("vault write database/config/payments-db connection_url=", StringComparison.Ordinal)
            && c.Contains("--region eu-west-3 --db-cluster-identifier payments-db-staging-eu-west-3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failover_records_the_lost_region_so_that_the_apply_keeps_rds_global_db_rpo_off_the_new_writer()
    {
        var plan = RegionSwitchDrill.Plan(Staging);
        const string lost = "pulumi config set --path --stack staging 'infra:regions.secondaryLost' true";

        Assert.Contains(lost, plan.DisasterFailover.Single(s => s.Id == "record-config").Commands);
        Assert.DoesNotContain(lost, plan.PlannedSwitchover.Single(s => s.Id == "record-config").Commands);
    }

    [Fact]
    public void Production_applies_through_the_emergency_path_not_a_merge()
    {
        var apply = RegionSwitchDrill.Plan(RepositoryDefinitions.Load("production")).DisasterFailover.Single(s => s.Id == "apply");

        Assert.Contains("emergency apply job", apply.Detail, StringComparison.Ordinal);
        Assert.Contains("approved by a second SRE", apply.Detail, StringComparison.Ordinal);
        Assert.Contains("INFRA_SCHEDULE=emergency-production", apply.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Merge;", apply.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_switch_the_drill_plans_the_way_back()
    {
        var plan = RegionSwitchDrill.Plan(Staging with { Regions = new RegionPair("eu-west-1", "eu-west-3") });

        Assert.Equal(("eu-west-1", "eu-west-3"), (plan.From, plan.To));
        Assert.True(plan.Ready);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("eu-west-1", null)]
    [InlineData("eu-west-3", "eu-west-3 is already the primary region of stack 'staging'; the switch goes to its secondary region, eu-west-1")]
    [InlineData("us-east-1", "us-east-1 is not a region of stack 'staging'; allowed: eu-west-1 (its secondary region)")]
    public void Target_must_be_the_secondary_region(string? target, string? error) =>
        Assert.Equal(error is null ? null : "--to " + target + ": " + error, RegionSwitchDrill.CheckTarget(Staging, target));

    [Fact]
    public void Markdown_runbook_has_the_pre_checks_objectives_steps_and_rollback()
    {
        var markdown = RegionSwitchRunbook.Markdown(RegionSwitchDrill.Plan(Staging), new DateOnly(2026, 11, 22));

        Assert.StartsWith("# Region switch of stack staging: eu-west-3 → eu-west-1\n", markdown, StringComparison.Ordinal);
        foreach (var section in new[] { "## Pre-checks", "## Expected RPO and RTO", "## Planned switchover (the quarterly drill)", "## Disaster failover (possible data loss)", "## Rollback" })
        {
            Assert.Contains("\n" + section + "\n", markdown, StringComparison.Ordinal);
        }
        Assert.Contains("| planned switchover | RPO 0s, RTO 22m |", markdown, StringComparison.Ordinal);
        Assert.Contains("**Scale the standby fleets in eu-west-1 up to full size** (10m, estimated).", markdown, StringComparison.Ordinal);
        Assert.Contains("**Switch the writer over to eu-west-1** (5m, estimated).", markdown, StringComparison.Ordinal);
        Assert.Contains("| passed | secondary-capacity | payments-db |", markdown, StringComparison.Ordinal);
        Assert.Contains("Prepared on 2026-11-22", markdown, StringComparison.Ordinal);
    }
}
