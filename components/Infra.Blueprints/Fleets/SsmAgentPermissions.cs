using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// What a fleet's SSM agent may do, in place of AWS's <c>AmazonSSMManagedInstanceCore</c> (which
/// reads every SSM parameter of the account and opens Session Manager everywhere). The actions are
/// those of AWS's "Create a custom IAM role for Session Manager" (Systems Manager user guide) and of
/// Run Command's message channel. No fleet reads SSM parameters: every secret comes from Vault.
/// <list type="bullet">
/// <item>Every fleet registers with Systems Manager (<c>ssm:UpdateInstanceInformation</c>) and may
/// write session logs to its region's session log group (<see cref="SessionLoggingBlueprints"/>).</item>
/// <item>A fleet of restricted data opens no command channel (no <c>ssmmessages</c>, no
/// <c>ec2messages</c>): no shell and no Run Command, except while a person holds a temporary
/// <c>session</c> grant for it, which adds <see cref="SessionChannel"/> until the grant ends.</item>
/// <item>Every other fleet has both channels.</item>
/// </list>
/// The message actions take no resource ARN, so they are scoped to the fleet's region.
/// </summary>
public static class SsmAgentPermissions
{
    public const string UpdateInstanceInformation = "ssm:UpdateInstanceInformation";

    /// <summary>Session Manager's data and control channels.</summary>
    public static IReadOnlyList<string> SessionChannelActions { get; } =
        ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];

    /// <summary>Run Command's message channel.</summary>
    public static IReadOnlyList<string> RunCommandActions { get; } =
        ["ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage", "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages", "ec2messages:SendReply"];

    /// <summary>The SSM parameter reads no fleet role may hold on every parameter.</summary>
    public static IReadOnlyList<string> ParameterReads { get; } =
        ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"];

    /// <summary>The statements of a fleet in <paramref name="network"/>'s region holding data of <paramref name="classification"/>.</summary>
    public static IEnumerable<PolicyStatement> For(DataClassification classification, string stack, RegionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        yield return new PolicyStatement("SsmAgentRegisters", [UpdateInstanceInformation], ["*"], [InRegion(network.Region)]);
        var logGroup = SessionLoggingBlueprints.LogGroupArn(stack, network.Region, network.Account);
        yield return new PolicyStatement("SessionLogGroups", ["logs:DescribeLogGroups"], [$"arn:aws:logs:{network.Region}:{network.Account}:log-group:*"], []);
        yield return new PolicyStatement("SessionLogs", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [$"{logGroup}:*"], []);
        if (classification < DataClassification.Restricted)
        {
            yield return SessionChannel(network.Region, until: null);
            yield return new PolicyStatement("RunCommandChannel", [.. RunCommandActions], ["*"], [InRegion(network.Region)]);
        }
    }

    /// <summary>
    /// Session Manager's channels in <paramref name="region"/>; with <paramref name="until"/>, only before
    /// that instant (IAM's clock), so a grant's shell ends on time even if no run removes the statement.
    /// </summary>
    public static PolicyStatement SessionChannel(string region, DateTimeOffset? until)
    {
        EquatableList<PolicyCondition> conditions = until is { } end
            ? [InRegion(region), new PolicyCondition("DateLessThan", "aws:CurrentTime", [end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)])]
            : [InRegion(region)];
        return new PolicyStatement("SessionChannel", [.. SessionChannelActions], ["*"], conditions);
    }

    private static PolicyCondition InRegion(string region) => new("StringEquals", "aws:RequestedRegion", [region]);
}
