using System.Collections.Immutable;
using Infra.Blueprints.Monitoring;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;
using Pulumi.Aws.Kms;
using Pulumi.Aws.Sns;

namespace Infra.Components.Monitoring;

/// <summary>
/// What watches the stack, mapped one for one from its <see cref="StackMonitoringBlueprint"/>: a KMS
/// key per region, an SNS topic per owning team and region under it with the team's on-call subscription, the SLO window
/// alarms and their composite alarms (which notify the team), the saturation alarms, and the
/// dashboards. Values known only once the fleets exist (target groups, autoscaling groups) replace
/// the blueprint's placeholders. Output: <see cref="TopicArns"/>.
/// </summary>
public sealed class StackMonitoring : ComponentResource
{
    public const string TypeToken = "infra:monitoring:StackMonitoring";

    public StackMonitoring(string name, StackMonitoringArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(StackMonitoringArgs.Blueprint), "the monitoring maps its blueprint");
        var providers = RequiredArgs.Require(args.AwsProviders, nameof(StackMonitoringArgs.AwsProviders), "an AWS provider for each region with alarms");
        var targetGroups = RequiredArgs.Require(args.TargetGroupArns, nameof(StackMonitoringArgs.TargetGroupArns), "the fleets' target groups the alarms watch");
        var groups = RequiredArgs.Require(args.AutoScalingGroupNames, nameof(StackMonitoringArgs.AutoScalingGroupNames), "the fleets' autoscaling groups the dashboards show");
        CustomResourceOptions In(string region) => new()
        {
            Parent = this,
            Provider = providers.TryGetValue(region, out var provider)
                ? provider
                : throw RequiredArgs.Invalid($"[{nameof(StackMonitoringArgs.AwsProviders)}] has no provider for region {region}"),
        };

        var deployed = DeployedValues(targetGroups, groups);
        var keys = blueprint.Keys.ToDictionary(k => k.Name, k => CustomerKeys.Create(k.Name, k.Description, k.Policy, k.DeletionWindowDays, ResourceTags.Map(k.Tags), In(k.Region)), StringComparer.Ordinal);
        var topics = blueprint.Topics.ToDictionary(t => (t.Team, t.Region), t => CreateTopic(t, keys[t.KeyName], In(t.Region)));
        var alarms = new Dictionary<string, MetricAlarm>(StringComparer.Ordinal);
        foreach (var alarm in blueprint.Alarms)
        {
            alarms[alarm.Name] = CreateAlarm(alarm, alarm.NotifiesTeam ? topics[(alarm.Team, alarm.Region)].Arn : null, deployed, In(alarm.Region));
        }
        foreach (var composite in blueprint.CompositeAlarms)
        {
            var compositeOptions = In(composite.Region);
            compositeOptions.DependsOn = composite.AlarmNames.Select(n => (Resource)alarms[n]).ToList();
            var topic = topics[(composite.Team, composite.Region)].Arn;
            _ = new CompositeAlarm(composite.Name, new CompositeAlarmArgs
            {
                AlarmName = composite.Name,
                AlarmDescription = composite.Description,
                AlarmRule = composite.Rule,
                ActionsEnabled = true,
                AlarmActions = { topic },
                OkActions = { topic },
                Tags = ResourceTags.Map(composite.Tags),
            }, compositeOptions);
        }
        foreach (var dashboard in blueprint.Dashboards)
        {
            _ = new Dashboard(dashboard.Name, new DashboardArgs
            {
                DashboardName = dashboard.Name,
                DashboardBody = deployed.Apply(values => MonitoringPlaceholders.Resolve(dashboard.BodyTemplate, values)),
            }, In(blueprint.DashboardRegion));
        }

        TopicArns = Output.All(topics.Values.Select(t => t.Arn)).Apply(arns => arns);
        RegisterOutputs(new Dictionary<string, object?> { ["topicArns"] = TopicArns });
    }

    [Output("topicArns")]
    public Output<ImmutableArray<string>> TopicArns { get; private set; }

    /// <summary>Every placeholder's deployed value: target group ARN suffixes and autoscaling group names.</summary>
    private static Output<ImmutableDictionary<string, string>> DeployedValues(
        IReadOnlyDictionary<string, Input<string>> targetGroups, IReadOnlyDictionary<string, Input<string>> groups)
    {
        var entries = targetGroups
            .Select(t => t.Value.ToOutput().Apply(arn => KeyValuePair.Create(MonitoringPlaceholders.TargetGroup(t.Key), MonitoringPlaceholders.ArnSuffix(arn))))
            .Concat(groups.Select(g => g.Value.ToOutput().Apply(group => KeyValuePair.Create(MonitoringPlaceholders.AutoScalingGroup(g.Key), group))));
        return Output.All(entries).Apply(pairs => pairs.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private static Topic CreateTopic(AlertTopicBlueprint topic, Key key, CustomResourceOptions options)
    {
        var created = new Topic(topic.Key, new TopicArgs
        {
            Name = topic.Name,
            KmsMasterKeyId = key.Arn,
            Tags = ResourceTags.Map(topic.Tags),
        }, options);
        _ = new TopicSubscription($"{topic.Key}-oncall", new TopicSubscriptionArgs
        {
            Topic = created.Arn,
            Protocol = topic.Protocol,
            Endpoint = topic.Endpoint,
        }, options);
        return created;
    }

    private static MetricAlarm CreateAlarm(MetricAlarmBlueprint alarm, Output<string>? topic, Output<ImmutableDictionary<string, string>> deployed, CustomResourceOptions options)
    {
        var args = new MetricAlarmArgs
        {
            Name = alarm.Name,
            AlarmDescription = alarm.Description,
            ComparisonOperator = alarm.ComparisonOperator,
            Threshold = alarm.Threshold,
            EvaluationPeriods = alarm.EvaluationPeriods,
            DatapointsToAlarm = alarm.DatapointsToAlarm,
            TreatMissingData = alarm.TreatMissingData,
            Tags = ResourceTags.Map(alarm.Tags),
        };
        foreach (var query in alarm.Queries)
        {
            var queryArgs = new MetricAlarmMetricQueryArgs { Id = query.Id, ReturnData = query.ReturnData };
            if (query.Metric is { } metric)
            {
                queryArgs.Metric = Metric(metric, deployed);
            }
            if (query.Expression is { } expression)
            {
                queryArgs.Expression = expression;
            }
            if (query.Label is { } label)
            {
                queryArgs.Label = label;
            }
            args.MetricQueries.Add(queryArgs);
        }
        if (topic is not null)
        {
            args.AlarmActions.Add(topic);
            args.OkActions.Add(topic);
        }
        return new MetricAlarm(alarm.Name, args, options);
    }

    private static MetricAlarmMetricQueryMetricArgs Metric(MetricStat metric, Output<ImmutableDictionary<string, string>> deployed)
    {
        var dimensions = new InputMap<string>();
        foreach (var dimension in metric.Dimensions)
        {
            dimensions.Add(dimension.Name, deployed.Apply(values => MonitoringPlaceholders.Resolve(dimension.Value, values)));
        }
        return new MetricAlarmMetricQueryMetricArgs
        {
            Namespace = metric.Namespace,
            MetricName = metric.MetricName,
            Stat = metric.Stat,
            Period = metric.PeriodSeconds,
            Dimensions = dimensions,
        };
    }
}
