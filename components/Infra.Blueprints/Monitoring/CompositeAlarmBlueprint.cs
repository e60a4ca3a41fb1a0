using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Slos;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// A composite alarm over an SLO's window alarms: <c>(ALARM(long) AND ALARM(short)) OR ...</c>. It
/// notifies the owning team's alert topic.
/// </summary>
/// <param name="Region">The region of its window alarms: a composite reads alarms of its own region only.</param>
/// <param name="AlarmNames">The window alarms its rule reads, which must exist first.</param>
public sealed record CompositeAlarmBlueprint(
    string Name,
    string Description,
    string Service,
    string Team,
    string Region,
    AlertSeverity Severity,
    string Rule,
    EquatableList<string> AlarmNames,
    EquatableList<ResourceTag> Tags);
