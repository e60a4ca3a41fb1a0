using Infra.Blueprints.Account;
using Infra.Blueprints.Backups;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Monitoring;
using Infra.Blueprints.Network;
using Infra.Blueprints.People;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Stacks;

/// <summary>
/// Every component's blueprint of one stack at one instant, computed once. The stack program deploys
/// exactly these, and <c>infra plan</c> shows them, so the plan is what gets deployed.
/// </summary>
public sealed record StackBlueprint(
    StackDefinition Definition,
    DateTimeOffset At,
    EquatableList<FleetBlueprint> Fleets,
    EquatableList<EbsKeyGrantBlueprint> EbsKeyGrants,
    EquatableList<SessionLoggingBlueprint> SessionLogging,
    EquatableList<VpcEndpointsBlueprint> Endpoints,
    VaultBlueprint Vault,
    EquatableList<DatabaseBlueprint> Databases,
    DatabaseBackupBlueprint DatabaseBackups,
    KafkaTopicsBlueprint Kafka,
    PeopleAccessBlueprint People,
    StackMonitoringBlueprint Monitoring,
    AccountBaselineBlueprint AccountBaseline)
{
    /// <summary>The blueprints of <paramref name="definition"/> as of the first instant of <paramref name="day"/> (UTC).</summary>
    public static StackBlueprint For(StackDefinition definition, DateOnly day) => For(definition, PersonDefinition.StartOf(day));

    /// <summary>The blueprints of <paramref name="definition"/> as of <paramref name="at"/>: a pure function.</summary>
    public static StackBlueprint For(StackDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var fleets = FleetBlueprints.For(definition);
        var databases = DatabaseBlueprints.For(definition);
        return new StackBlueprint(
            definition,
            at,
            fleets,
            EbsKeyGrantBlueprints.For(definition, fleets),
            SessionLoggingBlueprints.For(definition, fleets),
            VpcEndpointsBlueprints.For(definition),
            VaultBlueprints.For(definition),
            databases,
            DatabaseBackupBlueprints.For(definition, databases),
            KafkaTopicCatalog.For(definition),
            PeopleAccessBlueprints.For(definition, at),
            MonitoringBlueprints.For(definition, fleets, databases),
            AccountBaselineBlueprints.For(definition, definition.AccountBaseline));
    }

    /// <summary>How many of each reviewed kind of resource the stack declares.</summary>
    public StackResourceCounts Counts => new(
        Fleets.Count,
        Databases.Count,
        Kafka.Topics.Count,
        Kafka.Acls.Count,
        Vault.Policies.Count,
        Vault.AwsAuthRoles.Count,
        Vault.PkiRoles.Count,
        People.Identities.Count,
        People.TeamGroups.Count,
        People.GitLabMemberships.Count,
        People.VpnCertificateSigners.Count,
        People.VpnAuthorizations.Count,
        People.ConsulTokens.Count,
        Monitoring.Topics.Count,
        Monitoring.Alarms.Count,
        Monitoring.CompositeAlarms.Count,
        Monitoring.Dashboards.Count);

    /// <summary>The UTC day of <see cref="At"/>.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);
}
