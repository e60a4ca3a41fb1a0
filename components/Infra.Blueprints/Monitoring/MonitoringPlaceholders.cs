using System.Text.RegularExpressions;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// Tokens that stand for values known only once the stack is deployed, so that the blueprint stays
/// pure data: <c>{{targetGroup:ledger}}</c> is the ledger fleet's target group ARN suffix (the load
/// balancer metrics' <c>TargetGroup</c> dimension), <c>{{autoScalingGroup:ledger}}</c> its group's name.
/// </summary>
public static partial class MonitoringPlaceholders
{
    public static string TargetGroup(string service) => "{{targetGroup:" + service + "}}";

    public static string AutoScalingGroup(string service) => "{{autoScalingGroup:" + service + "}}";

    /// <summary>The <c>targetgroup/NAME/ID</c> part of a target group ARN, as the load balancer metrics name it.</summary>
    public static string ArnSuffix(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var colon = arn.LastIndexOf(':');
        return colon < 0 ? arn : arn[(colon + 1)..];
    }

    /// <summary>The text with every token replaced by its value; a token without one is an error.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Token().Replace(text, m => values.TryGetValue(m.Value, out var value)
            ? value
            : throw new ArgumentException($"no deployed value for {m.Value}", nameof(values)));
    }

    [GeneratedRegex(@"\{\{(targetGroup|autoScalingGroup):[a-z0-9-]+\}\}")]
    private static partial Regex Token();
}
