namespace Infra.Blueprints.Definition;

/// <summary>One replicated database as declared in the stack config.</summary>
public sealed record DatabaseDefinition(
    string Name,
    string Team,
    string EngineVersion,
    string InstanceClass,
    int Readers,
    int BackupRetentionDays,
    DataClassification DataClassification);
