using System.Text.Json;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>Every session on a fleet is logged, encrypted, for a year, to the group the fleet's role may write to.</summary>
public sealed class SessionLoggingBlueprintsTests
{
    private static readonly StackDefinition Production = RepositoryDefinitions.Load("production");

    [Fact]
    public void Each_region_with_fleets_logs_sessions_to_the_group_its_fleet_roles_write_to()
    {
        var fleets = FleetBlueprints.For(Production);

        var loggings = SessionLoggingBlueprints.For(Production, fleets);

        // Both regions run fleets: the primary's full size, the warm standby in the secondary.
        Assert.Equal(["eu-west-1", "eu-west-3"], loggings.Select(l => l.Region));
        Assert.All(loggings, l => Assert.Equal("/infra/production/session-manager", l.LogGroupName));
        Assert.All(fleets, f => Assert.Equal(
            [$"arn:aws:logs:{f.Region}:444455556666:log-group:/infra/production/session-manager:*"],
            f.Role.Statements.Single(s => s.Sid == "SessionLogs").Resources));
    }

    [Fact]
    public void Sessions_are_kept_a_year_encrypted_and_streamed_and_a_session_that_cannot_be_logged_is_refused()
    {
        var logging = SessionLoggingBlueprints.For(Production, FleetBlueprints.For(Production))[0];

        Assert.True(logging.RetentionDays >= 365);
        using var document = JsonDocument.Parse(logging.PreferencesDocument);
        var root = document.RootElement;
        Assert.Equal(("SSM-SessionManagerRunShell", "1.0", "Standard_Stream"),
            (logging.PreferencesDocumentName, root.GetProperty("schemaVersion").GetString(), root.GetProperty("sessionType").GetString()));
        var inputs = root.GetProperty("inputs");
        Assert.Equal(logging.LogGroupName, inputs.GetProperty("cloudWatchLogGroupName").GetString());
        Assert.True(inputs.GetProperty("cloudWatchEncryptionEnabled").GetBoolean());
        Assert.True(inputs.GetProperty("cloudWatchStreamingEnabled").GetBoolean());
        Assert.False(inputs.GetProperty("runAsEnabled").GetBoolean());
        Assert.Equal(("20", "60"), (inputs.GetProperty("idleSessionTimeout").GetString(), inputs.GetProperty("maxSessionDuration").GetString()));
    }

    [Fact]
    public void Only_cloudwatch_logs_uses_the_key_and_only_for_the_session_log_group()
    {
        var logging = SessionLoggingBlueprints.For(Production, FleetBlueprints.For(Production)).Single(l => l.Region == "eu-west-3");

        using var policy = JsonDocument.Parse(logging.KeyPolicy);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();

        Assert.Equal(["AccountAdministers", "LogsOfTheSessions"], statements.Select(s => s.GetProperty("Sid").GetString()));
        var logs = statements[1];
        Assert.Equal("logs.eu-west-3.amazonaws.com", logs.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("arn:aws:logs:eu-west-3:444455556666:log-group:/infra/production/session-manager",
            logs.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("kms:EncryptionContext:aws:logs:arn").GetString());
        Assert.Equal(30, logging.KeyDeletionWindowDays);
    }

    [Fact]
    public void One_per_region_that_runs_fleets_and_none_without_fleets()
    {
        var paris = FleetBlueprints.For(Production).Where(f => f.Region == "eu-west-3").ToList();
        EquatableList<FleetBlueprint> twoRegions = [.. paris, paris[0] with { Region = "eu-west-1" }];

        Assert.Equal(["eu-west-3"], SessionLoggingBlueprints.For(Production, paris).Select(l => l.Region));
        Assert.Equal(["eu-west-1", "eu-west-3"], SessionLoggingBlueprints.For(Production, twoRegions).Select(l => l.Region));
        Assert.Empty(SessionLoggingBlueprints.For(Production, []));
    }
}
