using System.Text.Json;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Fleets;

public class SsmAgentPermissionsTests
{
    private static readonly StackDefinition Staging = RepositoryDefinitions.Load("staging");
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    private static EquatableList<FleetBlueprint> Fleets(string stack) => FleetBlueprints.For(stack == "staging" ? Staging : Production);

    /// <summary>Every action of the role's written policy document, with the resources of its statement.</summary>
    private static IEnumerable<(string Action, string[] Resources)> Allowed(FleetBlueprint fleet)
    {
        using var document = JsonDocument.Parse(fleet.Role.InlinePolicy);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().SelectMany(s =>
        {
            var resources = s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToArray();
            return s.GetProperty("Action").EnumerateArray().Select(a => (a.GetString()!, resources));
        })];
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void No_fleet_role_reads_ssm_parameters_or_holds_more_of_ssm_than_the_agent_needs(string stack)
    {
        Assert.All(Fleets(stack), fleet =>
        {
            var ssm = Allowed(fleet).Where(a => a.Action.StartsWith("ssm:", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal([SsmAgentPermissions.UpdateInstanceInformation], ssm.Select(a => a.Action));
            Assert.DoesNotContain(Allowed(fleet), a => a.Action.Contains('*', StringComparison.Ordinal) && a.Action.StartsWith("ssm", StringComparison.OrdinalIgnoreCase));
        });
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void A_restricted_fleet_opens_no_command_channel_and_every_other_fleet_opens_both(string stack)
    {
        var fleets = Fleets(stack).ToList();
        Assert.Contains(fleets, f => IsRestricted(f));
        Assert.Contains(fleets, f => !IsRestricted(f));
        Assert.All(fleets, fleet =>
        {
            var actions = Allowed(fleet).Select(a => a.Action).ToList();
            var channels = SsmAgentPermissions.SessionChannelActions.Concat(SsmAgentPermissions.RunCommandActions);
            if (IsRestricted(fleet))
            {
                Assert.DoesNotContain(actions, a => a.StartsWith("ssmmessages:", StringComparison.Ordinal) || a.StartsWith("ec2messages:", StringComparison.Ordinal));
            }
            else
            {
                Assert.All(channels, c => Assert.Contains(c, actions));
            }
        });
    }

    private static bool IsRestricted(FleetBlueprint fleet) => fleet.Tags.Single(t => t.Key == "data-classification").Value == "restricted";

    [Fact]
    public void The_command_channels_and_the_agents_registration_are_scoped_to_the_fleets_region()
    {
        var fleet = Fleets("production").First(f => !IsRestricted(f));

        foreach (var sid in new[] { "SsmAgentRegisters", "SessionChannel", "RunCommandChannel" })
        {
            var statement = fleet.Role.Statements.Single(s => s.Sid == sid);
            Assert.Equal(new PolicyCondition("StringEquals", "aws:RequestedRegion", [fleet.Region]), Assert.Single(statement.Conditions));
        }
    }

    [Fact]
    public void Session_logs_are_written_only_to_the_stacks_session_log_group_in_the_fleets_region()
    {
        var fleet = Fleets("production")[0];
        var account = Production.AwsAccountId;

        var logs = fleet.Role.Statements.Single(s => s.Sid == "SessionLogs");

        Assert.Equal([$"arn:aws:logs:{fleet.Region}:{account}:log-group:/infra/production/session-manager:*"], logs.Resources);
        Assert.Equal(["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], logs.Actions);
        Assert.Equal(["logs:DescribeLogGroups"], fleet.Role.Statements.Single(s => s.Sid == "SessionLogGroups").Actions);
    }

    [Fact]
    public void The_plan_says_who_may_open_a_shell_and_where_sessions_are_logged()
    {
        var fleets = Fleets("staging");

        Assert.Equal("no shell, no Run Command (restricted data): Session Manager only under a temporary session/staging/ledger grant; every session logged to /infra/staging/session-manager (365 days, KMS)",
            fleets.First(f => f.Service == "ledger").Sessions);
        Assert.StartsWith("Session Manager and Run Command open; every session logged", fleets.First(f => f.Service == "notifications").Sessions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_channel_with_an_end_is_refused_by_iams_clock_after_it()
    {
        var statement = SsmAgentPermissions.SessionChannel("eu-west-3", new DateTimeOffset(2026, 12, 9, 0, 0, 0, TimeSpan.Zero));

        Assert.Contains(new PolicyCondition("DateLessThan", "aws:CurrentTime", ["2026-12-09T00:00:00Z"]), statement.Conditions);
        Assert.Equal(SsmAgentPermissions.SessionChannelActions, statement.Actions);
    }
}
