using Infra.Blueprints.Definition;
using Infra.Blueprints.Slos;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// Everything that watches a stack: the SLOs, one alert topic per owning team and region under the region's alert key, the SLO window
/// alarms and their composites, the saturation alarms, a dashboard per service and an overview.
/// </summary>
/// <param name="DashboardRegion">Where the dashboards live: the primary region (each widget names its own).</param>
public sealed record StackMonitoringBlueprint(
    string Stack,
    string DashboardRegion,
    EquatableList<ServiceSlos> Slos,
    EquatableList<AlertKeyBlueprint> Keys,
    EquatableList<AlertTopicBlueprint> Topics,
    EquatableList<MetricAlarmBlueprint> Alarms,
    EquatableList<CompositeAlarmBlueprint> CompositeAlarms,
    EquatableList<DashboardBlueprint> Dashboards);
