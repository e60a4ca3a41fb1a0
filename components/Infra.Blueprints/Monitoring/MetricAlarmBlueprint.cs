using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Slos;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// One CloudWatch metric alarm. <see cref="Name"/> is both the resource's name and its alarm name.
/// Window alarms of an SLO notify nobody (<see cref="NotifiesTeam"/> false): the composite alarm
/// over two windows does. Saturation alarms notify the owning team themselves.
/// </summary>
/// <param name="Region">The region whose provider creates it: the metric's region.</param>
public sealed record MetricAlarmBlueprint(
    string Name,
    string Description,
    string Owner,
    string Team,
    string Region,
    AlertSeverity? Severity,
    EquatableList<MetricQuery> Queries,
    string ComparisonOperator,
    double Threshold,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    string TreatMissingData,
    bool NotifiesTeam,
    EquatableList<ResourceTag> Tags);
