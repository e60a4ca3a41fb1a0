using Infra.Components.Fleets;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.Fleets;

/// <summary>The key, the log group under it and the preferences that send every session there, in the region's provider.</summary>
public sealed class SessionLoggingTests
{
    private sealed class SessionLoggingProgram : Stack
    {
        public SessionLoggingProgram()
        {
            var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
            _ = new SessionLogging(Paris().Name, new SessionLoggingArgs { Blueprint = Paris(), Aws = aws });
        }
    }

    private static Infra.Blueprints.Fleets.SessionLoggingBlueprint Paris() => StagingFleets.SessionLogging().Single(b => b.Region == "eu-west-3");

    [Fact]
    public async Task The_log_group_is_encrypted_with_its_own_key_and_the_preferences_send_sessions_to_it()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync<SessionLoggingProgram>(mocks, new TestOptions { IsPreview = false });
        var blueprint = Paris();

        var key = mocks.Resource("aws:kms/key:Key", "session-logging-eu-west-3-key");
        var logGroup = mocks.Resource("aws:cloudwatch/logGroup:LogGroup", "session-logging-eu-west-3-logs");
        var preferences = mocks.Resource("aws:ssm/document:Document", "session-logging-eu-west-3-preferences");

        Assert.Equal(blueprint.KeyPolicy, key.Inputs["policy"]);
        Assert.Equal(true, key.Inputs["enableKeyRotation"]);
        Assert.Equal(7, Convert.ToInt32(key.Inputs["deletionWindowInDays"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("/infra/staging/session-manager", RecordingMocks.ArnOf("session-logging-eu-west-3-key")), (logGroup.Inputs["name"], logGroup.Inputs["kmsKeyId"]));
        Assert.Equal(365, Convert.ToInt32(logGroup.Inputs["retentionInDays"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("SSM-SessionManagerRunShell", "Session", "JSON", blueprint.PreferencesDocument),
            (preferences.Inputs["name"], preferences.Inputs["documentType"], preferences.Inputs["documentFormat"], preferences.Inputs["content"]));
        Assert.All([key, logGroup, preferences], r => Assert.Equal("aws-eu-west-3-id", RecordingMocks.ProviderId(r.Provider)));
    }

    [Fact]
    public async Task Session_logging_without_a_provider_is_refused()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new SessionLogging(Paris().Name, new SessionLoggingArgs { Blueprint = Paris(), Aws = null! }));

        Assert.StartsWith("[Aws] is required", error.Message, StringComparison.Ordinal);
    }
}
