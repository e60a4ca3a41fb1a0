using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.Governance;
using Infra.PolicyPack.Protocol;
using Infra.PolicyPack.Tests.Support;
using static Infra.PolicyPack.Tests.Support.Requests;

namespace Infra.PolicyPack.Tests;

/// <summary>
/// Configure carries what the engine resolved from <c>--policy-pack-config</c> (levels and settings per policy), and
/// ConfigureStack the stack. Each test sets both first: the pack is shared by the class, and tests run in any order.
/// </summary>
public sealed class ConfigurationTests(PolicyPackFixture fixture) : IClassFixture<PolicyPackFixture>
{
    
    private Analyzer.AnalyzerClient Client => fixture.Client;

    private static AnalyzeRequest UnencryptedVolume => Analyze(Volume, "scratch", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":false,"tags":{{Tags}}}""");

    [Theory]
    [InlineData(EnforcementLevel.Advisory)]
    [InlineData(EnforcementLevel.Mandatory)]
    public async Task A_configured_level_is_the_level_of_the_policy_and_of_its_diagnostics(EnforcementLevel level)
    {
        await ConfigureAsync("staging", (EncryptedVolumesRule.Code, level, null));

        var response = await Client.AnalyzeAsync(UnencryptedVolume);
        var info = await Client.GetAnalyzerInfoAsync(new Empty());

        Assert.Equal(level, Assert.Single(response.Diagnostics).EnforcementLevel);
        Assert.Equal(level, info.Policies.Single(p => p.Name == EncryptedVolumesRule.Code).EnforcementLevel);
    }

    [Fact]
    public async Task A_disabled_policy_does_not_run()
    {
        await ConfigureAsync("staging", (EncryptedVolumesRule.Code, EnforcementLevel.Disabled, null));

        var response = await Client.AnalyzeAsync(UnencryptedVolume);

        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public async Task Settings_reach_the_rule()
    {
        await ConfigureAsync("staging", (EuRegionsOnlyRule.Code, EnforcementLevel.Mandatory, """{"allowedRegions":["eu-west-3","us-east-1"]}"""));

        var allowed = await Client.AnalyzeAsync(ProviderRequest("us-east-1"));
        var refused = await Client.AnalyzeAsync(ProviderRequest("ap-south-1"));

        Assert.Empty(allowed.Diagnostics);
        Assert.Equal(EuRegionsOnlyRule.Code, Assert.Single(refused.Diagnostics).PolicyName);
    }

    [Theory]
    [InlineData(EncryptedVolumesRule.Code, EnforcementLevel.Remediate, null, "not supported")]
    [InlineData(EuRegionsOnlyRule.Code, EnforcementLevel.Mandatory, """{"allowedRegions":42}""", "must be a list of strings")]
    [InlineData(EuRegionsOnlyRule.Code, EnforcementLevel.Mandatory, """{"regions":["eu-west-3"]}""", "allowed: allowedRegions")]
    [InlineData("aws-ec2-no-such-rule", EnforcementLevel.Mandatory, null, "is not a policy")]
    public async Task A_bad_configuration_is_an_invalid_argument_and_the_previous_one_stays(string policy, EnforcementLevel level, string? properties, string message)
    {
        await ConfigureAsync("staging", (EncryptedVolumesRule.Code, EnforcementLevel.Advisory, null));

        var error = await Assert.ThrowsAsync<RpcException>(() => ConfigureAsync("staging", (policy, level, properties)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(EnforcementLevel.Advisory, Assert.Single((await Client.AnalyzeAsync(UnencryptedVolume)).Diagnostics).EnforcementLevel);
    }

    [Theory]
    [InlineData("staging", false)]
    [InlineData("production", true)]
    public async Task The_stack_of_ConfigureStack_sets_the_environment_bounds(string stack, bool violates)
    {
        await ConfigureAsync(stack);
        var key = Analyze(KmsKey, "ledger", $$"""{"enableKeyRotation":true,"deletionWindowInDays":7,"tags":{{Tags}}}""", stack);

        var response = await Client.AnalyzeAsync(key);

        Assert.Equal(violates, response.Diagnostics.Any(d => d.PolicyName == KmsKeyDeletionWindowRule.Code));
    }

    [Fact]
    public async Task The_example_policy_pack_config_is_accepted()
    {
        var path = Path.Combine(PolicyPackProcess.PackDirectory, "..", "policy-pack-config.example.json");
        var request = EngineConfiguration(await File.ReadAllTextAsync(path));
        await Client.ConfigureStackAsync(new AnalyzerStackConfigureRequest { Stack = "staging", Project = Project });

        await Client.ConfigureAsync(request);

        var info = await Client.GetAnalyzerInfoAsync(new Empty());
        Assert.Equal(EnforcementLevel.Disabled, info.Policies.Single(p => p.Name == KmsKeyDeletionWindowRule.Code).EnforcementLevel);
    }

    /// <summary>
    /// What the engine makes of a <c>--policy-pack-config</c> file: a policy maps to a level, or to an object of
    /// <c>enforcementLevel</c> and the policy's properties.
    /// </summary>
    private static ConfigureAnalyzerRequest EngineConfiguration(string json)
    {
        var request = new ConfigureAnalyzerRequest();
        foreach (var (policy, value) in Properties(json).Fields)
        {
            var config = new PolicyConfig();
            if (value.KindCase == Value.KindOneofCase.StringValue)
            {
                config.EnforcementLevel = Level(value.StringValue);
            }
            else
            {
                var properties = value.StructValue.Clone();
                if (properties.Fields.Remove("enforcementLevel", out var level))
                {
                    config.EnforcementLevel = Level(level.StringValue);
                }

                config.Properties = properties;
            }

            request.PolicyConfig[policy] = config;
        }

        return request;
    }

    private static EnforcementLevel Level(string text) => text switch
    {
        "advisory" => EnforcementLevel.Advisory,
        "mandatory" => EnforcementLevel.Mandatory,
        "disabled" => EnforcementLevel.Disabled,
        _ => EnforcementLevel.Remediate,
    };

    private static AnalyzeRequest ProviderRequest(string region)
    {
        var provider = Provider(region, name: region);
        return new AnalyzeRequest { Type = provider.Type, Urn = provider.Urn, Name = provider.Name, Properties = provider.Properties };
    }

    private async Task ConfigureAsync(string stack, params (string Policy, EnforcementLevel Level, string? Properties)[] policies)
    {
        await Client.ConfigureStackAsync(new AnalyzerStackConfigureRequest { Stack = stack, Project = Project, Organization = "bank", DryRun = true });
        var request = new ConfigureAnalyzerRequest();
        foreach (var (policy, level, properties) in policies)
        {
            request.PolicyConfig[policy] = new PolicyConfig { EnforcementLevel = level, Properties = properties is null ? null : Properties(properties) };
        }

        await Client.ConfigureAsync(request);
    }
}
