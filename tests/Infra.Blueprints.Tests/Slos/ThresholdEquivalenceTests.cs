using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Monitoring;
using Infra.Blueprints.Slos;
using Infra.Blueprints.Tests.Fleets;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Tests.Slos;

/// <summary>
/// The CloudWatch alarms and the Prometheus rules come from one SLO blueprint: for every SLO,
/// severity and window of the repository's stacks, both compare with the same threshold.
/// </summary>
public sealed partial class ThresholdEquivalenceTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void CloudWatch_and_Prometheus_alert_at_the_same_thresholds(string stack)
    {
        var definition = RepositoryDefinitions.Load(stack);
        var monitoring = MonitoringBlueprints.For(definition, FleetBlueprints.For(definition), DatabaseBlueprints.For(definition));
        var prometheus = PrometheusThresholds(PrometheusRules.Render(stack, stack, monitoring.Slos));
        // Both regions' fleets alarm at the same thresholds; the standby's are checked against the primary's.
        var windowAlarms = monitoring.Alarms
            .Where(a => a.Severity is not null && a.Name.Contains("-page-", StringComparison.Ordinal) || a.Name.Contains("-ticket-", StringComparison.Ordinal))
            .ToList();
        var cloudWatch = windowAlarms.Where(a => a.Region == definition.Regions.Primary).ToDictionary(a => a.Name, a => a.Threshold);
        var primary = $"-{definition.Regions.Primary}-";
        Assert.All(windowAlarms.Where(a => a.Region == definition.Regions.Secondary),
            a => Assert.Equal(cloudWatch[a.Name.Replace($"-{definition.Regions.Secondary}-", primary, StringComparison.Ordinal)], a.Threshold));

        var compared = 0;
        foreach (var slo in monitoring.Slos.SelectMany(s => s.All))
        {
            foreach (var alert in slo.Alerts)
            {
                foreach (var window in new[] { alert.LongWindow, alert.ShortWindow })
                {
                    var name = MonitoringBlueprints.WindowAlarmName(stack, $"{slo.Service}-{definition.Regions.Primary}", slo, alert.Severity, window);
                    var key = ($"{slo.Service}-{slo.Name}", MonitoringBlueprints.Severity(alert.Severity), Durations.Format(window));
                    Assert.True(prometheus.TryGetValue(key, out var fromRules), $"no Prometheus condition for {key}");
                    Assert.Equal(cloudWatch[name], fromRules);
                    compared++;
                }
            }
        }
        Assert.Equal(prometheus.Count, compared);
        Assert.Equal(cloudWatch.Count, compared);
    }

    /// <summary>Each alert condition of the rules: (sloth_id, severity, window) to the number it compares with.</summary>
    private static Dictionary<(string Id, string Severity, string Window), double> PrometheusThresholds(string rules)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(rules));
        var thresholds = new Dictionary<(string, string, string), double>();
        foreach (YamlMappingNode group in (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"])
        {
            foreach (YamlMappingNode rule in (YamlSequenceNode)group["rules"])
            {
                if (!rule.Children.ContainsKey("alert"))
                {
                    continue;
                }
                var severity = ((YamlScalarNode)((YamlMappingNode)rule["labels"])["severity"]).Value!;
                foreach (Match condition in Condition().Matches(((YamlScalarNode)rule["expr"]).Value!))
                {
                    thresholds.Add((condition.Groups["id"].Value, severity, condition.Groups["window"].Value),
                        double.Parse(condition.Groups["threshold"].Value, CultureInfo.InvariantCulture));
                }
            }
        }
        return thresholds;
    }

    [GeneratedRegex("""slo:sli_error:ratio_rate(?<window>[0-9]+[smhd])\{sloth_id="(?<id>[a-z0-9-]+)"[^}]*\} > (?<threshold>[0-9.]+)""")]
    private static partial Regex Condition();
}
