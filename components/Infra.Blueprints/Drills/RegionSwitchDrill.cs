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
    /// <summary>AWS: a managed switchover or failover of an Aurora global database usually completes within minutes.</summary>
    public static readonly TimeSpan DatabaseSwitchTime = TimeSpan.FromMinutes(5);

    /// <summary>The time to verify names, credentials and health checks after the apply.</summary>
    public static readonly TimeSpan VerificationTime = TimeSpan.FromMinutes(5);

    /// <summary>The fleets are created in the target region by the apply; a fleet serves once its instances pass the health check grace period.</summary>
    public static readonly TimeSpan FleetStartTime = TimeSpan.FromSeconds(FleetBlueprints.HealthCheckGracePeriodSeconds);

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

    public static RegionSwitchPlan Plan(StackDefinition definition)
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
        checks.Add(FleetNetwork(definition, to, databases));
        var maxLag = databases.Count == 0 ? TimeSpan.Zero : databases.Max(d => d.MaxReplicationLag);
        var fleets = databases.SelectMany(d => d.UsedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var apply = DatabaseSwitchTime + FleetStartTime + VerificationTime;
        return new RegionSwitchPlan(
            definition.StackName,
            definition.Environment,
            from,
            to,
            checks.ToEquatableList(),
            Steps(definition, databases, fleets, from, to, planned: true),
            new RecoveryObjective(
                TimeSpan.Zero,
                apply,
                $"a switchover waits until the secondary has every write, so nothing is lost; {Minutes(DatabaseSwitchTime)} for the switchover, {Minutes(FleetStartTime)} for the fleets to start in {to}, {Minutes(VerificationTime)} to verify"),
            Steps(definition, databases, fleets, from, to, planned: false),
            new RecoveryObjective(
                maxLag,
                apply,
                $"a failover promotes the secondary as it is: writes younger than the replication lag are lost, at most the declared bound ({Durations.Format(maxLag)}); the time is that of a switchover"),
            Rollback(definition, databases, from, to));
    }

    private static DrillCheck SecondaryDeclared(DatabaseBlueprint database) => new(
        "secondary-cluster",
        database.Name,
        DrillCheckStatus.Passed,
        $"cluster {database.Secondary.ClusterIdentifier} is declared in {database.Secondary.Region}, member of {database.GlobalClusterIdentifier}; check live that it is available: aws rds describe-global-clusters --region {database.Primary.Region} --global-cluster-identifier {database.GlobalClusterIdentifier}");

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
        $"the bound is {Durations.Format(database.MaxReplicationLag)}; start only when AuroraGlobalDBReplicationLag (ms) of {database.Secondary.ClusterIdentifier} stayed below {(long)database.MaxReplicationLag.TotalMilliseconds} for 15 minutes: aws cloudwatch get-metric-statistics --region {database.Secondary.Region} --namespace AWS/RDS --metric-name AuroraGlobalDBReplicationLag --dimensions Name=DBClusterIdentifier,Value={database.Secondary.ClusterIdentifier} --statistics Maximum --period 60 --start-time <15 minutes ago> --end-time <now>");

    private static DrillCheck FleetNetwork(StackDefinition definition, string to, EquatableList<DatabaseBlueprint> databases)
    {
        var fleets = databases.SelectMany(d => d.UsedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var network = definition.Networks.FirstOrDefault(n => n.Region == to);
        var minimum = definition.Environment == EnvironmentKind.Production ? FleetSettingsValidator.ProductionMinimumZones : 2;
        var zones = network?.Subnets.Count ?? 0;
        var fleetList = fleets.Count == 0 ? "no fleet uses a database" : string.Join(", ", fleets);
        return zones >= minimum
            ? new DrillCheck("fleets-in-target", to, DrillCheckStatus.Passed,
                string.Create(CultureInfo.InvariantCulture, $"the network of {to} has {zones} zones; the fleets run in the primary region, so the apply creates them in {to} before names move: {fleetList}"))
            : new DrillCheck("fleets-in-target", to, DrillCheckStatus.Failed,
                string.Create(CultureInfo.InvariantCulture, $"the network of {to} has {zones} zone(s); {ValueReader.EnumName(definition.Environment)} fleets need at least {minimum}: add subnets under infra:networks.{to}.subnets and apply before the switch ({fleetList} must be created there)"));
    }

    private static EquatableList<DrillStep> Steps(StackDefinition definition, EquatableList<DatabaseBlueprint> databases, List<string> fleets, string from, string to, bool planned)
    {
        var stack = definition.StackName;
        var steps = new List<DrillStep>
        {
            planned
                ? new("Announce and freeze", $"Open the change record with this runbook; pause merges to main for stack {stack} until the last step.", [])
                : new("Declare the incident", $"Confirm that {from} is lost (AWS Health, the fleets' health checks); name an incident lead; pause merges to main for stack {stack}.", []),
            new("Check what only the live estate can tell",
                planned
                    ? "Every global cluster is available and its replication lag is below its bound (pre-checks marked manual)."
                    : $"The clusters in {to} are available; note the replication lag at the time of the failure: that is the data lost.",
                [.. databases.Select(d => $"aws rds describe-global-clusters --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier}")]),
            planned
                ? new("Switch the writer over to " + to,
                    "A switchover waits until the secondary has every write, then swaps the roles; the old primary becomes the secondary. Wait until each command's cluster shows as writer.",
                    [.. databases.Select(d => $"aws rds switchover-global-cluster --region {from} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, to)}")])
                : new("Fail the writer over to " + to,
                    $"A failover promotes the secondary as it is: writes not yet replicated are lost (at most the declared lag bound). When {from} comes back, its cluster rejoins as a secondary.",
                    [.. databases.Select(d => $"aws rds failover-global-cluster --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, to)} --allow-data-loss")]),
            new("Record the switch in the stack config",
                "A merge request with this change: its preview must show no change to the global clusters, the clusters or their instances (the fields a switch changes are ignored), only the fleets, the database ingress rules, the Consul service and the Vault connection moving to " + to + ".",
                [
                    $"pulumi config set --path --stack {stack} 'infra:regions.primary' {to}",
                    $"pulumi config set --path --stack {stack} 'infra:regions.secondary' {from}",
                    $"infra drill region-switch --stack {stack}",
                ]),
            new("Apply",
                $"Merge; the pipeline applies {stack}. It creates the fleets in {to} ({(fleets.Count == 0 ? "none uses a database" : string.Join(", ", fleets))}), lets them in to the databases there, and points the Consul names and Vault at the writers in {to}." +
                (planned ? "" : $" Resources in {from} cannot be updated while it is down: re-run the apply when it is back."),
                [$"pulumi up --stack {stack}"]),
            new("Verify",
                "The names answer with the writers in " + to + ", Vault issues credentials, and the fleets' health checks pass.",
                [
                    .. databases.SelectMany(d => new[]
                    {
                        $"dig +short {d.Consul.DnsNames[0]}",
                        $"vault read {d.Vault.Backend}/creds/{DynamicRoleOf(d)}",
                    }),
                    $"infra plan --stack {stack}",
                ]),
        };
        return steps.ToEquatableList();
    }

    private static EquatableList<DrillStep> Rollback(StackDefinition definition, EquatableList<DatabaseBlueprint> databases, string from, string to) =>
    [
        new("Before the config change is merged",
            $"Switch the writers back to {from}; nothing else has moved.",
            [.. databases.Select(d => $"aws rds switchover-global-cluster --region {to} --global-cluster-identifier {d.GlobalClusterIdentifier} --target-db-cluster-identifier {ClusterArn(definition, d, from)}")]),
        new("After the apply",
            $"Run this runbook again from {to} to {from}: switchover, config change, apply, verify. A failover cannot be undone; the way back is a planned switchover once {from} is healthy.",
            [
                $"pulumi config set --path --stack {definition.StackName} 'infra:regions.primary' {from}",
                $"pulumi config set --path --stack {definition.StackName} 'infra:regions.secondary' {to}",
            ]),
    ];

    /// <summary>The cluster's ARN; the account is the one of the region's load balancer listener.</summary>
    private static string ClusterArn(StackDefinition definition, DatabaseBlueprint database, string region)
    {
        var listener = definition.Networks.First(n => n.Region == region).LoadBalancer.ListenerArn;
        var account = listener.Split(':')[4];
        var cluster = database.Regions.First(r => r.Region == region).ClusterIdentifier;
        return $"arn:aws:rds:{region}:{account}:cluster:{cluster}";
    }

    private static string DynamicRoleOf(DatabaseBlueprint database) => database.Vault.AllowedRoles.FirstOrDefault(r => !r.EndsWith("-owner", StringComparison.Ordinal)) ?? database.Vault.AllowedRoles[0];

    private static string Classes(EquatableList<DatabaseInstance> instances) => string.Join(", ", instances.Select(i => i.InstanceClass).Distinct());

    private static string Minutes(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMinutes:0} min");
}
