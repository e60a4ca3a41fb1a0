using System.Globalization;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Validation;

namespace Infra.Blueprints.Drills;

/// <summary>
/// Plans the quarterly region switch of a stack's databases from its config alone: a pure function.
/// Offline, a pre-check can prove what the config declares (a secondary cluster, its capacity, a
/// network for the fleets in the target region, a replication lag bound); what only the live estate
/// can tell (health, the actual lag) is listed as a manual check with the command that shows it.
/// </summary>
public static class RegionSwitchDrill
{
    /// <summary>The declared estimate of each step, by id, until a drill record measures it.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Estimates = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["announce"] = TimeSpan.FromMinutes(5),
        ["live-checks"] = TimeSpan.FromMinutes(5),
        ["fence-writes"] = TimeSpan.FromMinutes(2),
        // AWS: a managed switchover or failover of an Aurora global database usually completes within minutes.
        ["switchover"] = TimeSpan.FromMinutes(5),
        ["failover"] = TimeSpan.FromMinutes(5),
        ["detach-and-promote"] = TimeSpan.FromMinutes(10),
        ["vault-follows-writer"] = TimeSpan.FromMinutes(2),
        // Launching the standby's new instances, then at most a whole boot (the health check grace period).
        ["scale-up"] = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(FleetBlueprints.HealthCheckGracePeriodSeconds),
        ["record-config"] = TimeSpan.FromMinutes(10),
        // The apply only changes sizes: the fleets already run in both regions.
        ["apply"] = TimeSpan.FromMinutes(10),
        ["verify"] = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// The service is restored once these steps are done: the standby fleets in the target region run
    /// at full size, the services find the writer through the global writer endpoint, and Vault, pointed
    /// at the new writer, issues the credentials of those whose lease ends.
    /// </summary>
    private static readonly HashSet<string> UntilRestored = new(StringComparer.Ordinal) { "live-checks", "scale-up", "fence-writes", "switchover", "failover", "detach-and-promote", "vault-follows-writer" };

    /// <summary>Whether the step counts toward the RTO: the service is restored once every such step is done.</summary>
    public static bool CountsTowardRto(DrillStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return UntilRestored.Contains(step.Id);
    }

    /// <summary>Null when <paramref name="target"/> can be switched to, else what is wrong and what is allowed.</summary>
    public static string? CheckTarget(StackDefinition definition, string? target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var regions = definition.Regions;
        if (target is null || target == regions.Secondary)
        {
            return null;
        }
        return target == regions.Primary
            ? $"--to {target}: {target} is already the primary region of stack '{definition.StackName}'; the switch goes to its secondary region, {regions.Secondary}"
            : $"--to {target}: {target} is not a region of stack '{definition.StackName}'; allowed: {regions.Secondary} (its secondary region)";
    }

    /// <param name="lastDrill">The durations the last drill measured; without it, the declared estimates.</param>
    public static RegionSwitchPlan Plan(StackDefinition definition, DrillRecord? lastDrill = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var from = definition.Regions.Primary;
        var to = definition.Regions.Secondary;
        var databases = DatabaseBlueprints.For(definition);
        var checks = new List<DrillCheck>();
        foreach (var database in databases)
        {
            checks.Add(SecondaryDeclared(database));
            checks.Add(Capacity(database));
            checks.Add(Lag(database));
        }
        var fleetNetwork = FleetNetwork(definition, to);
        checks.Add(fleetNetwork);
        // A target network the fleets cannot run in is the failed check's to report; the plan is not ready then.
        var standby = fleetNetwork.Status == DrillCheckStatus.Passed ? FleetBlueprints.For(definition).Where(f => f.Region == to).ToList() : [];
        var rpo = databases.Count == 0 ? TimeSpan.Zero : databases.Max(d => DatabaseBlueprints.ManagedRpo(d.MaxReplicationLag));
        var planned = Steps(definition, databases, standby, from, to, planned: true, lastDrill);
        var failover = Steps(definition, databases, standby, from, to, planned: false, lastDrill);
        var source = lastDrill is null ? "declared estimates (no drill record yet)" : $"the drill of {lastDrill.Day:yyyy-MM-dd} where it measured a step, declared estimates elsewhere";
        return new RegionSwitchPlan(
            definition.StackName,
            definition.Environment,
            from,
            to,
            checks.ToEquatableList(),
            planned,
            new RecoveryObjective(
                TimeSpan.Zero,
                UntilWrites(planned),
                $"a switchover waits until the secondary has every write, so nothing is lost; the service is restored (the fleets in {to} at full size, writes resumed) after {Steps(planned)} ({source})"),
            failover,
            new RecoveryObjective(
                rpo,
                UntilWrites(failover),
                $"a failover promotes the secondary as it is; rds.global_db_rpo makes the writer wait when the secondary lags more than {Durations.Format(rpo)} (its minimum is {Durations.Format(DatabaseBlueprints.MinimumManagedRpo)}), so at most that is lost; the service is restored (the fleets in {to} at full size, writes resumed) after, at worst (the managed failover fails and the detach follows), {Steps(failover)} ({source})"),
            Rollback(definition, databases, standby, from, to));
    }

    private static TimeSpan UntilWrites(EquatableList<DrillStep> steps) =>
        steps.Where(s => UntilRestored.Contains(s.Id)).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Budget);

    private static string Steps(EquatableList<DrillStep> steps) =>
        string.Join(" + ", steps.Where(s => UntilRestored.Contains(s.Id)).Select(s => $"{s.Id} {Durations.Format(s.Budget)}{(s.Measured ? " measured" : "")}"));

    private static DrillCheck SecondaryDeclared(DatabaseBlueprint database) => new(
        "secondary-cluster",
        database.Name,
        DrillCheckStatus.Passed,
        $"cluster {database.Secondary.ClusterIdentifier} is declared in {database.Secondary.Region}, member of {database.GlobalClusterIdentifier}; check live that it is available (from {database.Secondary.Region}, which answers when {database.Primary.Region} is lost): aws rds describe-global-clusters --region {database.Secondary.Region} --global-cluster-identifier {database.GlobalClusterIdentifier}");

    private static DrillCheck Capacity(DatabaseBlueprint database)
    {
        var primary = database.Primary.Instances;
        var secondary = database.Secondary.Instances;
        var enough = secondary.Count >= primary.Count;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{database.Secondary.Region} has {secondary.Count} instance(s) of {Classes(secondary)} (1 writer, {secondary.Count - 1} reader(s)), {database.Primary.Region} has {primary.Count} of {Classes(primary)}");
        return new DrillCheck(
            "secondary-capacity",
            database.Name,
            enough ? DrillCheckStatus.Passed : DrillCheckStatus.Failed,
            enough ? detail : $"{detail}: after the switch the writer region would serve with less; set infra:databases.{database.Name}.secondaryReaders to at least {primary.Count - 1} and apply first");
    }

    private static DrillCheck Lag(DatabaseBlueprint database) => new(
        "replication-lag",
        database.Name,
        DrillCheckStatus.Manual,
        $"the bound is {Durations.Format(database.MaxReplicationLag)}; start only when AuroraGlobalDBReplicationLag (ms) of {database.Secondary.ClusterIdentifier} stayed below {(long)database.MaxReplicationLag.TotalMilliseconds} for 15 minutes: {LagCommand(database)}");

    /// <summary>The secondary's replication lag, per minute, over the last 15 minutes (GNU date), read in the secondary's region.</summary>
    private static string LagCommand(DatabaseBlueprint database) =>
        $"aws cloudwatch get-metric-statistics --region {database.Secondary.Region} --namespace AWS/RDS --metric-name AuroraGlobalDBReplicationLag --dimensions Name=DBClusterIdentifier,Value={database.Secondary.ClusterIdentifier} --statistics Maximum --period 60 --start-time \"$(date -u -d '15 minutes ago' +%Y-%m-%dT%H:%M:%SZ)\" --end-time \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"";

    private static DrillCheck FleetNetwork(StackDefinition definition, string to)
    {
        var network = definition.Networks.FirstOrDefault(n => n.Region == to);
        var minimum = definition.Environment == EnvironmentKind.Production ? FleetSettingsValidator.ProductionMinimumZones : 2;
        var zones = network?.Subnets.Count ?? 0;
        return zones >= minimum
            ? new DrillCheck("fleets-in-target", to, DrillCheckStatus.Passed,
                string.Create(CultureInfo.InvariantCulture, $"the network of {to} has {zones} zones; every service's warm standby runs there (infra:services.<name>.standbyMinimum), so the switch scales the fleets up and creates none"))
            : new DrillCheck("fleets-in-target", to, DrillCheckStatus.Failed,
                string.Create(CultureInfo.InvariantCulture, $"the network of {to} has {zones} zone(s); {ValueReader.EnumName(definition.Environment)} fleets need at least {minimum}: add subnets under infra:networks.{to}.subnets and apply before the switch"));
    }

    /// <summary>
    /// The commands that set the minimum of each standby fleet in <paramref name="region"/>: the group is
    /// found by its tags (its name is Pulumi's), and a minimum above the group's size raises its desired
    /// count to it. With <paramref name="wait"/>, every group is set first, so that all of them launch at once,
    /// then one command per fleet waits, up to 15 minutes, until its target group has that many healthy targets;
    /// it fails (without ending the shell it is pasted into) when they do not come.
    /// </summary>
    private static IEnumerable<string> SetMinimum(StackDefinition definition, IReadOnlyList<FleetBlueprint> fleets, string region, Func<FleetBlueprint, int> minimum, bool wait)
    {
        var environment = ValueReader.EnumName(definition.Environment);
        string Group(FleetBlueprint fleet) =>
            $"aws autoscaling describe-auto-scaling-groups --region {region} --filters Name=tag:service,Values={fleet.Service} Name=tag:environment,Values={environment}";
        string Size(FleetBlueprint fleet) => minimum(fleet).ToString(CultureInfo.InvariantCulture);
        foreach (var fleet in fleets)
        {
            yield return $"group=$({Group(fleet)} --query 'AutoScalingGroups[0].AutoScalingGroupName' --output text) && aws autoscaling update-auto-scaling-group --region {region} --auto-scaling-group-name \"$group\" --min-size {Size(fleet)}";
        }
        if (!wait)
        {
            yield break;
        }
        foreach (var fleet in fleets)
        {
            yield return $"tg=$({Group(fleet)} --query 'AutoScalingGroups[0].TargetGroupARNs[0]' --output text) && for try in $(seq 60); do [ \"$(aws elbv2 describe-target-health --region {region} --target-group-arn \"$tg\" --query 'length(TargetHealthDescriptions[?TargetHealth.State==`healthy`])' --output text)\" -ge {Size(fleet)} ] && break; [ \"$try\" -lt 60 ] && sleep 15; done || {{ echo \"{fleet.Service}: fewer than {Size(fleet)} healthy targets in {region} after 15 minutes\" >&2; false; }}";
        }
    }

    private static EquatableList<DrillStep> Steps(
        StackDefinition definition, EquatableList<DatabaseBlueprint> databases, List<FleetBlueprint> standby, string from, string to, bool planned, DrillRecord? lastDrill)
    {
        DrillStep Step(string id, string title, string detail, EquatableList<string> commands) =>
            lastDrill?.DurationOf(id) is { } measured
                ? new(id, title, detail, commands, measured, Measured: true)
                : new(id, title, detail, commands, Estimates[id], Measured: false);
        var stack = definition.StackName;
        var production = definition.Environment == EnvironmentKind.Production;
        var steps = new List<DrillStep>
        {
            planned
                ? Step("announce", "Announce and freeze", $"Open the change record with this runbook; pause merges to main for stack {stack} until the last step.", [])
                : Step("announce", "Declare the incident", $"Confirm that {from} is lost (AWS Health, the fleets' health checks); name an incident lead; pause merges to main for stack {stack}. "
                    + $"Everyone on the incident connects to the Client VPN endpoint {People.PeopleNames.VpnEndpoint(stack)} in {to} (their {to} profile, the same certificate), which carries the same authorization rules as {from}'s.", []),
            Step("live-checks", "Check what only the live estate can tell",
                planned
                    ? "Every global cluster is available and its replication lag is below its bound (pre-checks marked manual)."
                    : $"The clusters in {to} are available; note the replication lag at the time of the failure: that is the data lost.",
                [
                    .. databases.Select(d => $"aws rds describe-global-clusters --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier}"),
                    .. planned ? [] : databases.Select(LagCommand),
                ]),
        };
        steps.Add(Step("scale-up", "Scale the standby fleets in " + to + " up to full size",
            $"Every service runs a warm standby in {to} at its standby minimum; raise each to the minimum it runs at as the primary's and wait until its target group has that many healthy targets. "
            + (planned
                ? $"First, so that {to} can carry the load before the writer moves."
                : $"First, in parallel with the database steps if hands allow: the standby already serves what reaches {to}, at its small size.")
            + " The config change and apply below make these minimums the stack's, without touching anything else.",
            [.. SetMinimum(definition, standby, to, f => f.FullSize.Min, wait: true)]));
        if (planned)
        {
            steps.Add(Step("switchover", "Switch the writer over to " + to,
                "A switchover fences the old writer itself: it stops accepting writes, waits until the secondary has every write, then swaps the roles. The services reach the new writer at once through the global writer endpoint (its Consul name, registered in each region's datacenter), and the database security groups of both regions admit them at all times. Wait until each command's cluster shows as writer.",
                [.. databases.Select(d => $"aws rds switchover-global-cluster --region {from} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, to)}")]));
        }
        else
        {
            steps.Add(Step("fence-writes", "Fence writes in " + from,
                $"Make the old writers read-only, so that nothing writes there when {from} comes back: run now if {from}'s API answers, else first thing when it does, before anything else there. "
                + $"The fence stays in {from}'s parameter groups: the way back (rollback, after the apply) lifts it before any writer returns to {from}.",
                [.. databases.Select(d => $"aws rds modify-db-cluster-parameter-group --region {from} --db-cluster-parameter-group-name {d.Regions.First(r => r.Region == from).ParameterGroupName} --parameters ParameterName=default_transaction_read_only,ParameterValue=on,ApplyMethod=immediate")]));
            steps.Add(Step("failover", "Fail the writer over to " + to,
                $"A managed failover promotes the secondary as it is: writes not yet replicated are lost (at most the RPO). The global writer endpoint follows; {to}'s Consul datacenter has it registered, so the services there resolve it without {from}. When {from} comes back, its cluster rejoins as a secondary.",
                [.. databases.Select(d => $"aws rds failover-global-cluster --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, to)} --allow-data-loss")]));
            var consul = ConsulDatacenters.Of(definition, to);
            steps.Add(Step("detach-and-promote", "Only if the managed failover fails: detach and promote",
                $"Take the cluster in {to} out of its global cluster and wait until it is available: it is then a standalone writer. "
                + $"The global writer endpoint stays with the old writer in {from}, so register each detached cluster's endpoint as the writer in Consul datacenter {consul.Datacenter} ({to}'s), "
                + "with CONSUL_HTTP_TOKEN set to a token that may write its catalog (the stack's infra:consulToken); the services in " + to + " resolve the new writer by the same name, and Vault follows in the next step. "
                + $"After a detach, run no apply: it would register the global writer endpoint, the old writer in {from}, again, and the program does not rebuild a global cluster around a detached one (that is a change of its own). "
                + $"Keep the old writers in {from} fenced. The rule aws-rds-cluster-detached-from-global reports the detached clusters until a new secondary joins.",
                [.. databases.SelectMany(d => Detach(definition, d, to, consul))]));
        }
        steps.Add(Step("vault-follows-writer", "Point Vault at the new writers",
            $"Vault issues and revokes credentials on the writer: point each connection at the cluster endpoint in {to}. Vault keeps the password it rotated and checks the new connection (verify-full) before it keeps it. Until then, services keep their credentials (the roles are replicated) but get no new ones.",
            [.. databases.Select(d => d.Vault.RepointCommand(to, d.Regions.First(r => r.Region == to).ClusterIdentifier))]));
        steps.Add(Step("record-config", "Record the switch in the stack config",
            "A merge request with this change: its preview must create, replace and delete nothing; it shows no change to the global clusters, the clusters or their instances (the fields a switch changes are ignored), nor to the Vault connections (pointed at the writer by a previous step), only sizes (each fleet's minimum and instance refresh headroom, its healthy-instances alarm) and rds.global_db_rpo moving to " + to + "."
            + (planned ? "" : $" With {from} lost, run pulumi with PULUMI_BACKEND_URL set to the state's replica in {to} (docs/state-backend.md, Switch to the replica): the state bucket is in {from}.")
            + (planned ? "" : $" With {from} lost, secondaryLost keeps rds.global_db_rpo off the new writer, which would otherwise block every commit with no secondary to replicate to; set it back to false once {from}'s clusters have rejoined as secondaries."),
            [
                $"pulumi config set --path --stack {stack} 'infra:regions.primary' {to}",
                $"pulumi config set --path --stack {stack} 'infra:regions.secondary' {from}",
                .. planned ? Array.Empty<string>() : [$"pulumi config set --path --stack {stack} 'infra:regions.secondaryLost' true"],
                $"infra drill region-switch --stack {stack}",
            ]));
        steps.Add(Step("apply", "Apply",
            (production
                ? $"Production: the emergency apply job of the pipeline (Run pipeline on main with INFRA_SCHEDULE=emergency-production; deploy:production:emergency), started by the incident lead and approved by a second SRE, runs on the runners in {to} after the state backend was switched to its replica (docs/state-backend.md). "
                : $"Merge; the pipeline applies {stack}. ")
            + $"It changes only sizes: the fleets in {to} keep the full minimums the scale-up set, those in {from} go down to their standby minimums (target tracking scales them in as their traffic goes)."
            + (planned ? "" : $" While {from}'s API does not answer, the preview fails on the program's lookups there (its EBS key alias, its Client VPN endpoint): the steps above restored the service without it; run the apply when {from} answers."),
            [$"pulumi up --stack {stack}"]));
        steps.Add(Step("verify", "Verify",
            "No person mints credentials: the writer is the cluster in " + to + ", Vault's connection points at it (Vault verified it when it was written), and the fleets' health checks (which open a database session) pass.",
            [
                .. databases.SelectMany(d => new[]
                {
                    $"aws rds describe-global-clusters --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier} --query 'GlobalClusters[0].GlobalClusterMembers[?IsWriter].DBClusterArn'",
                    $"vault read -field=connection_details {d.Vault.Backend}/config/{d.Vault.Name}",
                }),
                $"infra plan --stack {stack}",
            ]));
        return steps.ToEquatableList();
    }

    private static EquatableList<DrillStep> Rollback(StackDefinition definition, EquatableList<DatabaseBlueprint> databases, List<FleetBlueprint> standby, string from, string to) =>
    [
        new("switch-back", "Before the config change is merged",
            $"Set the fleets in {to} back to their standby minimums (those in {from} never shrank), then switch the writers back to {from}, then Vault; nothing else has moved.",
            [
                .. SetMinimum(definition, standby, to, f => f.Capacity.Min, wait: false),
                .. databases.Select(d => $"aws rds switchover-global-cluster --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, from)}"),
                .. databases.Select(d => d.Vault.RepointCommand(from, d.Regions.First(r => r.Region == from).ClusterIdentifier)),
            ],
            Estimates["switchover"] + Estimates["vault-follows-writer"], Measured: false),
        new("run-back", "After the apply",
            $"Run this runbook again from {to} to {from}: scale-up, switchover, Vault, config change, apply, verify. A failover cannot be undone; the way back is a planned switchover once {from} is healthy, "
            + $"and after a failover it first lifts the fence of {from}'s parameter groups (a writer there would refuse every write; harmless when there is none).",
            [
                .. databases.Select(d => $"aws rds reset-db-cluster-parameter-group --region {from} --db-cluster-parameter-group-name {d.Regions.First(r => r.Region == from).ParameterGroupName} --parameters ParameterName=default_transaction_read_only,ApplyMethod=immediate"),
                $"pulumi config set --path --stack {definition.StackName} 'infra:regions.primary' {from}",
                $"pulumi config set --path --stack {definition.StackName} 'infra:regions.secondary' {to}",
            ],
            Estimates["scale-up"] + Estimates["switchover"] + Estimates["vault-follows-writer"] + Estimates["record-config"] + Estimates["apply"] + Estimates["verify"], Measured: false),
    ];

    /// <summary>
    /// Detaching <paramref name="database"/>'s cluster in <paramref name="to"/>, then registering its cluster endpoint in
    /// Consul under the node and service the stack registers (Consul's catalog API, which replaces an entry of the same node and service).
    /// </summary>
    private static IEnumerable<string> Detach(StackDefinition definition, DatabaseBlueprint database, string to, RegionConsul consul)
    {
        var cluster = database.Regions.First(r => r.Region == to).ClusterIdentifier;
        var service = database.Consul;
        var tags = string.Join(",", service.Tags.Select(t => $"\\\"{t}\\\""));
        yield return $"aws rds remove-from-global-cluster --region {to} --global-cluster-identifier {database.GlobalClusterIdentifier} --db-cluster-identifier {ClusterArn(definition, database, to)}";
        yield return $"aws rds wait db-cluster-available --region {to} --db-cluster-identifier {cluster}";
        var port = service.Port.ToString(CultureInfo.InvariantCulture);
        yield return
            $"endpoint=$(aws rds describe-db-clusters --region {to} --db-cluster-identifier {cluster} --query 'DBClusters[0].Endpoint' --output text) && curl --fail --silent --show-error -X PUT -H \"X-Consul-Token: $CONSUL_HTTP_TOKEN\" "
            + $"--data \"{{\\\"Datacenter\\\":\\\"{consul.Datacenter}\\\",\\\"Node\\\":\\\"{service.NodeName}\\\",\\\"Address\\\":\\\"$endpoint\\\",\\\"NodeMeta\\\":{{\\\"external-node\\\":\\\"true\\\",\\\"external-probe\\\":\\\"false\\\"}},"
            + $"\\\"Service\\\":{{\\\"Service\\\":\\\"{service.ServiceName}\\\",\\\"Address\\\":\\\"$endpoint\\\",\\\"Port\\\":{port},\\\"Tags\\\":[{tags}]}}}}\" "
            + new Uri(consul.Address, "v1/catalog/register").AbsoluteUri;
    }

    /// <summary>The cluster's ARN; the account is the one of the region's load balancer listener.</summary>
    private static string ClusterArn(StackDefinition definition, DatabaseBlueprint database, string region)
    {
        var account = definition.Networks.First(n => n.Region == region).Account;
        var cluster = database.Regions.First(r => r.Region == region).ClusterIdentifier;
        return $"arn:aws:rds:{region}:{account}:cluster:{cluster}";
    }

    private static string Classes(EquatableList<DatabaseInstance> instances) => string.Join(", ", instances.Select(i => i.InstanceClass).Distinct());

}
