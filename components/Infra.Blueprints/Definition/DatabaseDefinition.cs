namespace Infra.Blueprints.Definition;

/// <summary>One replicated database as declared in the stack config.</summary>
/// <param name="Readers">Reader instances of the cluster in the primary region, besides its writer.</param>
/// <param name="SecondaryReaders">Reader instances of the cluster in the secondary region, besides the instance that becomes its writer.</param>
/// <param name="MaxReplicationLag">The replication lag the region switch accepts: the recovery point of a disaster failover.</param>
public sealed record DatabaseDefinition(
    string Name,
    string Team,
    string EngineVersion,
    string InstanceClass,
    int Readers,
    int SecondaryReaders,
    int BackupRetentionDays,
    TimeSpan MaxReplicationLag,
    DataClassification DataClassification);
