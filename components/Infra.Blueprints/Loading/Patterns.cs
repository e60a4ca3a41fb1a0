using System.Text.RegularExpressions;

namespace Infra.Blueprints.Loading;

/// <summary>The shapes of names and identifiers the input must have.</summary>
internal static partial class Patterns
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    public static partial Regex KebabName();

    /// <summary>Pulumi's stack names: letters, digits, hyphens, underscores and periods, at most 100.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    public static partial Regex StackName();

    [GeneratedRegex("^CC-[0-9]{4}$")]
    public static partial Regex CostCenter();

    [GeneratedRegex("^[0-9]{12}$")]
    public static partial Regex AwsAccountId();

    /// <summary>S3's rules for a general purpose bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at each end.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    public static partial Regex S3BucketName();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex ImageId();

    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex VpcId();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex SubnetId();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex SecurityGroupId();

    [GeneratedRegex("^rtb-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex RouteTableId();

    [GeneratedRegex("^(sg|pl)-([0-9a-f]{8}|[0-9a-f]{17})$")]
    public static partial Regex PeerId();

    [GeneratedRegex("^alias/[A-Za-z0-9/_-]+$")]
    public static partial Regex KmsAlias();

    [GeneratedRegex("^arn:aws:elasticloadbalancing:(?<region>[a-z0-9-]+):[0-9]{12}:listener/app/[A-Za-z0-9-]+/[0-9a-f]{16}/[0-9a-f]{16}$")]
    public static partial Regex ListenerArn();

    [GeneratedRegex("^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(nano|micro|small|medium|large|xlarge|[1-9][0-9]*xlarge|metal(-[0-9]+xl)?)$")]
    public static partial Regex InstanceType();

    [GeneratedRegex("^db\\.[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.(micro|small|medium|large|xlarge|[1-9][0-9]*xlarge)$")]
    public static partial Regex DatabaseInstanceClass();

    [GeneratedRegex("^[0-9]+\\.[0-9]+$")]
    public static partial Regex EngineVersion();

    [GeneratedRegex("^/[A-Za-z0-9/._~-]*$")]
    public static partial Regex HealthCheckPath();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:[0-9]{1,5}$")]
    public static partial Regex Broker();

    [GeneratedRegex("^[a-z][a-z0-9]{1,31}$")]
    public static partial Regex PersonId();

    [GeneratedRegex("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$")]
    public static partial Regex Email();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*$")]
    public static partial Regex GitLabGroup();

    [GeneratedRegex("^[a-z]+/[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")]
    public static partial Regex GrantSystem();

    [GeneratedRegex("^[a-z]+$")]
    public static partial Regex GrantAccess();

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*$")]
    public static partial Regex TopicName();
}
