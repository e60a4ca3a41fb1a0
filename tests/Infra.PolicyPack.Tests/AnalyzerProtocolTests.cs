using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Policies.Rules.Compute;
using Infra.Policies.Rules.Databases;
using Infra.Policies.Rules.Governance;
using Infra.Policies.Rules.Network;
using Infra.Policies.Rules.Secrets;
using Infra.Policies.Rules.Storage;
using Infra.PolicyPack.Protocol;
using Infra.PolicyPack.Tests.Support;
using static Infra.PolicyPack.Tests.Support.Requests;

namespace Infra.PolicyPack.Tests;

/// <summary>
/// The pack driven as the engine drives it (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go): started
/// with the engine's address, Handshake, GetAnalyzerInfo, then Analyze per resource and AnalyzeStack at the end.
/// </summary>
public sealed partial class AnalyzerProtocolTests(PolicyPackFixture fixture) : IClassFixture<PolicyPackFixture>
{
        
    private Analyzer.AnalyzerClient Client => fixture.Client;

    [Fact]
    public async Task Handshake_is_answered()
    {
        var request = new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:50051", RootDirectory = PolicyPackProcess.PackDirectory, ProgramDirectory = PolicyPackProcess.PackDirectory };

        var response = await Client.HandshakeAsync(request);

        Assert.NotNull(response);
    }

    [Fact]
    public async Task The_plugin_version_is_the_version_of_PulumiPolicy_yaml()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(PolicyPackProcess.PackDirectory, "PulumiPolicy.yaml"));

        var info = await Client.GetPluginInfoAsync(new Empty());

        Assert.Matches(RuntimeDotnet(), yaml);
        Assert.Equal(YamlVersion().Match(yaml).Groups[1].Value, info.Version);
    }

    [Fact]
    public async Task Analyzer_info_lists_every_policy_with_its_level_severity_and_settings()
    {
        var info = await Client.GetAnalyzerInfoAsync(new Empty());

        Assert.Equal("infra-policies", info.Name);
        Assert.True(info.SupportsConfig);
        Assert.DoesNotContain(info.Policies, p => p.Name.StartsWith("policy-waiver", StringComparison.Ordinal));
        var volumes = Assert.Single(info.Policies, p => p.Name == EncryptedVolumesRule.Code);
        Assert.Equal(EnforcementLevel.Mandatory, volumes.EnforcementLevel);
        Assert.Equal(PolicySeverity.High, volumes.Severity);
        Assert.Equal(PolicyType.Resource, volumes.PolicyType);
        Assert.Equal("EBS volumes are encrypted", volumes.DisplayName);
        Assert.Equal(EnforcementLevel.Advisory, Assert.Single(info.Policies, p => p.Name == RdsIamAuthenticationRule.Code).EnforcementLevel);
        Assert.Equal(PolicyType.Stack, Assert.Single(info.Policies, p => p.Name == SecurityGroupPublicIngressRule.Code).PolicyType);
        var regions = Assert.Single(info.Policies, p => p.Name == EuRegionsOnlyRule.Code);
        Assert.Equal("array", regions.ConfigSchema.Properties.Fields["allowedRegions"].StructValue.Fields["type"].StringValue);
        Assert.Equal(info.Policies.Count, info.InitialConfig.Count);
    }

    [Fact]
    public async Task Analyzer_info_sends_each_policy_its_framework_clause_and_documentation_url()
    {
        var info = await Client.GetAnalyzerInfoAsync(new Empty());

        var ssh = Assert.Single(info.Policies, p => p.Name == SecurityGroupAdminPortsRule.Code);
        Assert.Equal("CIS AWS", ssh.Framework.Name);
        Assert.Equal("3.0.0", ssh.Framework.Version);
        Assert.Equal("5.2", ssh.Framework.Reference);
        Assert.Equal($"https://gitlab.example-bank.eu/bank/platform/infra/-/blob/main/policies/RULES.md#{SecurityGroupAdminPortsRule.Code}", ssh.Url);
        Assert.All(info.Policies, p => Assert.EndsWith($"RULES.md#{p.Name}", p.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_compliant_resource_gets_no_diagnostic()
    {
        var volume = Analyze(Volume, "ledger-data", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");

        var response = await Client.AnalyzeAsync(volume);

        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public async Task A_security_group_open_to_the_world_on_ssh_is_reported_with_everything_the_engine_shows()
    {
        var group = Analyze(SecurityGroup, "bastion",
            $$"""{"description":"bastion","ingress":[{"description":"break-glass","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}],"tags":{{Tags}}}""");

        var response = await Client.AnalyzeAsync(group);

        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(SecurityGroupAdminPortsRule.Code, diagnostic.PolicyName);
        Assert.Equal("infra-policies", diagnostic.PolicyPackName);
        Assert.Equal((await Client.GetPluginInfoAsync(new Empty())).Version, diagnostic.PolicyPackVersion);
        Assert.False(string.IsNullOrEmpty(diagnostic.Description));
        Assert.Contains("0.0.0.0/0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(group.Urn, diagnostic.Urn);
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Equal(PolicySeverity.Critical, diagnostic.Severity);
    }

    [Fact]
    public async Task An_unencrypted_volume_is_a_mandatory_violation()
    {
        var volume = Analyze(Volume, "scratch", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":false,"tags":{{Tags}}}""");

        var response = await Client.AnalyzeAsync(volume);

        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(EncryptedVolumesRule.Code, diagnostic.PolicyName);
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
    }

    [Fact]
    public async Task A_secret_credential_passes_and_its_value_is_never_echoed()
    {
        var cluster = Analyze(Cluster, "ledger-db",
            $$"""{"engine":"aurora-postgresql","masterUsername":"ledger","masterPassword":{{Secret("Sup3r-S3cret")}},"storageEncrypted":true,"tags":{{Tags}}}""");

        var response = await Client.AnalyzeAsync(cluster);

        Assert.DoesNotContain(response.Diagnostics, d => d.PolicyName == CredentialsAreSecretsRule.Code);
        Assert.DoesNotContain(response.Diagnostics, d => d.Message.Contains("Sup3r-S3cret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_text_credential_is_reported_by_name_not_value()
    {
        var cluster = Analyze(Cluster, "ledger-db",
            $$"""{"engine":"aurora-postgresql","masterUsername":"ledger","masterPassword":"hunter2-plain","storageEncrypted":true,"tags":{{Tags}}}""");

        var response = await Client.AnalyzeAsync(cluster);

        var diagnostic = Assert.Single(response.Diagnostics, d => d.PolicyName == CredentialsAreSecretsRule.Code);
        Assert.Contains("masterPassword", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-plain", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_is_judged_by_its_plaintext()
    {
        var encrypted = Analyze(Volume, "ledger-data", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":{{SecretJson("true")}},"tags":{{Tags}}}""");
        var unencrypted = Analyze(Volume, "scratch", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":{{SecretJson("false")}},"tags":{{Tags}}}""");

        var passes = await Client.AnalyzeAsync(encrypted);
        var fails = await Client.AnalyzeAsync(unencrypted);

        Assert.Empty(passes.Diagnostics);
        Assert.Equal(EncryptedVolumesRule.Code, Assert.Single(fails.Diagnostics).PolicyName);
    }

    [Fact]
    public async Task A_secret_that_breaks_a_rule_is_reported_without_its_plaintext()
    {
        var group = Analyze(SecurityGroup, "bastion",
            $$"""{"description":"bastion","ingress":[{"description":"break-glass","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":{{SecretJson("[\"0.0.0.0/0\"]")}}}],"tags":{{Tags}}}""");
        var stack = new AnalyzeStackRequest
        {
            Resources =
            {
                StackResource(SecurityGroup, "admin",
                    $$"""{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":{{SecretJson("[\"0.0.0.0/0\"]")}}}],"tags":{{Tags}}}"""),
            },
        };

        var response = await Client.AnalyzeAsync(group);
        var stackResponse = await Client.AnalyzeStackAsync(stack);

        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(SecurityGroupAdminPortsRule.Code, diagnostic.PolicyName);
        Assert.DoesNotContain("0.0.0.0/0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("[secret]", diagnostic.Message, StringComparison.Ordinal);
        var publicIngress = Assert.Single(stackResponse.Diagnostics, d => d.PolicyName == SecurityGroupPublicIngressRule.Code);
        Assert.DoesNotContain("0.0.0.0/0", publicIngress.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Properties 100 levels deep as a program writes them (the properties object is level 1, so {"a":{"a":...}} with
    /// 100 objects), in every shape: objects (three nested messages a level on the wire), lists (two), and a secret
    /// around every level and the value at the bottom (six, the most). Google.Protobuf's default limit of 100 nested
    /// messages stopped at 32 levels of objects; the engine sends deeper trees.
    /// </summary>
    [Theory]
    [InlineData("objects", 16)]
    [InlineData("objects", 100)]
    [InlineData("lists", 100)]
    [InlineData("secret objects", 100)]
    public async Task Properties_100_levels_deep_are_analyzed(string shape, int levels)
    {
        var request = Analyze(Volume, "deep", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");
        request.Properties.Fields["nested"] = Nested(shape, levels - 1);

        var response = await Client.AnalyzeAsync(request);

        Assert.Empty(response.Diagnostics);
    }

    /// <summary>
    /// The deepest request the engine sends for 100 levels: a provider's properties in AnalyzeStack lie two messages
    /// under the request, and with a secret around every level they are 6 × 100 + 2 messages deep, the parser's limit.
    /// </summary>
    [Fact]
    public async Task A_provider_with_secret_properties_100_levels_deep_in_AnalyzeStack_is_analyzed()
    {
        var resource = StackResource(Volume, "deep", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");
        resource.Properties.Fields["nested"] = Nested("secret objects", 99);
        resource.Provider.Properties.Fields["nested"] = Nested("secret objects", 99);

        var response = await Client.AnalyzeStackAsync(new AnalyzeStackRequest { Resources = { resource } });

        Assert.Empty(response.Diagnostics);
    }

    /// <summary>
    /// One level more than the pack reads is refused by the reader, with the resource, the limit and where; with a secret
    /// around every level, or far deeper (1,000 levels), the parser refuses it before the reader (past 6 × 100 + 2 nested
    /// messages), with the resource and the limit. Both are InvalidArgument, not a failure of the pack.
    /// </summary>
    [Theory]
    [InlineData("objects", 101)]
    [InlineData("lists", 101)]
    [InlineData("secret objects", 101)]
    [InlineData("objects", 1000)]
    public async Task Properties_deeper_than_100_levels_are_an_invalid_argument_naming_the_resource_and_the_server_keeps_serving(string shape, int levels)
    {
        var request = Analyze(Volume, "deep", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");
        request.Properties.Fields["nested"] = Nested(shape, levels - 1);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AnalyzeAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(request.Urn + ": ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nested deeper than 100 levels", error.Status.Detail, StringComparison.Ordinal);
        if (shape != "secret objects" && levels == 101)
        {
            Assert.Contains("at 'nested", error.Status.Detail, StringComparison.Ordinal);
        }

        Assert.NotNull(await Client.GetPluginInfoAsync(new Empty()));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(1000)]
    public async Task In_AnalyzeStack_properties_deeper_than_100_levels_are_an_invalid_argument_naming_the_resource(int levels)
    {
        var shallow = StackResource(Volume, "shallow", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");
        var deep = StackResource(Volume, "deep", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Tags}}}""");
        deep.Properties.Fields["nested"] = Nested("objects", levels - 1);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AnalyzeStackAsync(new AnalyzeStackRequest { Resources = { shallow, deep } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(deep.Urn + ": ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nested deeper than 100 levels", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await Client.GetPluginInfoAsync(new Empty()));
    }

    /// <summary>The 400 MiB limit (AddGrpc's MaxReceiveMessageSize) is checked from the length prefix, before any parsing.</summary>
    [Fact]
    public async Task A_message_over_400_MiB_is_refused_as_too_large()
    {
        var message = Analyze(Volume, "scratch", "{}").ToByteArray();

        var outcome = await RawGrpc.CallAsync(fixture.Port, "AnalyzeStack", RawGrpc.Frame(message, declaredLength: PackClient.MaximumMessageSize + 1));

        Assert.Equal((int)StatusCode.ResourceExhausted, outcome.GrpcStatus);
        Assert.NotNull(await Client.GetPluginInfoAsync(new Empty()));
    }

    [Theory]
    [InlineData(Volume, $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":{{Unknown}},"tags":{{Tags}}}""")]
    [InlineData(SecurityGroup, $$"""{"ingress":[{"description":"break-glass","protocol":"tcp","fromPort":{{Unknown}},"toPort":{{Unknown}},"cidrBlocks":["0.0.0.0/0"]}],"tags":{{Tags}}}""")]
    [InlineData(Volume, $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":true,"tags":{{Unknown}}}""")]
    public async Task Unknown_values_make_no_verdict(string type, string properties)
    {
        var response = await Client.AnalyzeAsync(Analyze(type, "preview", properties));

        Assert.Empty(response.Diagnostics);
    }

    [Fact]
    public async Task An_AWS_provider_not_pinned_to_an_account_is_reported()
    {
        var provider = Provider(properties: """{"region":"eu-west-3"}""");

        var response = await Client.AnalyzeAsync(new AnalyzeRequest { Type = provider.Type, Urn = provider.Urn, Name = provider.Name, Properties = provider.Properties });

        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(AwsProviderAllowedAccountsRule.Code, diagnostic.PolicyName);
        Assert.Contains("allowedAccountIds is not set", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_outside_the_EU_is_reported_and_its_resources_are_not_blamed_for_it()
    {
        var provider = Provider("us-east-1", name: "us");
        var providerRequest = new AnalyzeRequest { Type = provider.Type, Urn = provider.Urn, Name = provider.Name, Properties = provider.Properties };
        var volume = Analyze(Volume, "us-data", $$"""{"size":100,"encrypted":true,"tags":{{Tags}}}""", provider: provider);

        var providerResponse = await Client.AnalyzeAsync(providerRequest);
        var volumeResponse = await Client.AnalyzeAsync(volume);

        var diagnostic = Assert.Single(providerResponse.Diagnostics);
        Assert.Equal(EuRegionsOnlyRule.Code, diagnostic.PolicyName);
        Assert.Equal(provider.Urn, diagnostic.Urn);
        Assert.Empty(volumeResponse.Diagnostics);
    }

    [Fact]
    public async Task AnalyzeStack_judges_what_needs_the_whole_stack_with_parents_and_dependencies()
    {
        var albGroup = StackResource(SecurityGroup, "alb", $$"""{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}],"tags":{{Tags}}}""");
        var openGroup = StackResource(SecurityGroup, "admin", $$"""{"ingress":[{"protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["0.0.0.0/0"]}],"tags":{{Tags}}}""");
        var loadBalancer = StackResource(LoadBalancer, "alb", $$"""{"loadBalancerType":"application","dropInvalidHeaderFields":true,"tags":{{Tags}}}""", dependencies: albGroup.Urn);
        var bucket = StackResource(Bucket, "statements", $$"""{"bucket":"ledger-statements","tags":{{Tags}}}""");
        var unencrypted = StackResource(Volume, "scratch", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":false,"tags":{{Tags}}}""");
        var request = new AnalyzeStackRequest { Resources = { albGroup, openGroup, loadBalancer, bucket, unencrypted } };

        var response = await Client.AnalyzeStackAsync(request);

        var publicIngress = Assert.Single(response.Diagnostics, d => d.PolicyName == SecurityGroupPublicIngressRule.Code);
        Assert.Equal(openGroup.Urn, publicIngress.Urn);
        Assert.Contains(response.Diagnostics, d => d.PolicyName == S3PublicAccessBlockRule.Code && d.Urn == bucket.Urn);
        Assert.DoesNotContain(response.Diagnostics, d => d.PolicyName == EncryptedVolumesRule.Code); // reported by Analyze, not twice
        Assert.All(response.Diagnostics, d => Assert.Equal("infra-policies", d.PolicyPackName));
    }

    [Fact]
    public async Task Remediate_is_unimplemented_so_the_engine_skips_it()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RemediateAsync(Analyze(Volume, "scratch", "{}")).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task A_request_without_type_is_an_invalid_argument_and_the_server_keeps_serving()
    {
        var request = Analyze(Volume, "scratch", "{}");
        request.Type = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AnalyzeAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'type' is required", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await Client.GetPluginInfoAsync(new Empty()));
    }

    [Fact]
    public async Task A_value_without_a_kind_is_an_invalid_argument_naming_its_path()
    {
        var request = Analyze(Volume, "scratch", """{"ebs":{"devices":[1,2]}}""");
        request.Properties.Fields["ebs"].StructValue.Fields["devices"].ListValue.Values.Add(new Value());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.AnalyzeAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("ebs.devices[2]", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await Client.AnalyzeAsync(Analyze(Volume, "ok", $$"""{"availabilityZone":"eu-west-3a","encrypted":true,"tags":{{Tags}}}"""))).Diagnostics);
    }

    [Fact]
    public async Task Bytes_that_are_no_request_are_refused_and_the_server_keeps_serving()
    {
        byte[] garbage = [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f];

        var framed = await RawGrpc.CallAsync(fixture.Port, "Analyze", RawGrpc.Frame(garbage));
        var unframed = await RawGrpc.CallAsync(fixture.Port, "Analyze", garbage);

        Assert.Equal((int)StatusCode.InvalidArgument, framed.GrpcStatus);
        Assert.StartsWith("the request is not a valid pulumirpc.AnalyzeRequest: ", framed.GrpcMessage, StringComparison.Ordinal);
        Assert.NotNull(unframed.GrpcStatus);
        Assert.NotEqual((int)StatusCode.OK, unframed.GrpcStatus);
        Assert.NotNull(await Client.GetPluginInfoAsync(new Empty()));
    }

    /// <summary>
    /// A unary request is one message whose 5-byte prefix gives its length. The pack's own framing once read a body
    /// that did not match its prefix as an empty request and answered OK; any mismatch is an error status.
    /// </summary>
    [Theory]
    [InlineData("one byte more than the prefix says")]
    [InlineData("one byte less than the prefix says")]
    [InlineData("the message twice")]
    public async Task A_body_that_does_not_match_its_length_prefix_is_an_error_never_OK(string mismatch)
    {
        var message = Analyze(Volume, "scratch", $$"""{"availabilityZone":"eu-west-3a","size":100,"encrypted":false,"tags":{{Tags}}}""").ToByteArray();
        var body = mismatch switch
        {
            "one byte more than the prefix says" => RawGrpc.Frame([.. message, 0x00], declaredLength: message.Length),
            "one byte less than the prefix says" => RawGrpc.Frame(message[..^1], declaredLength: message.Length),
            _ => [.. RawGrpc.Frame(message), .. RawGrpc.Frame(message)],
        };

        var wellFramed = await RawGrpc.CallAsync(fixture.Port, "Analyze", RawGrpc.Frame(message));
        var outcome = await RawGrpc.CallAsync(fixture.Port, "Analyze", body);

        Assert.Equal((int)StatusCode.OK, wellFramed.GrpcStatus); // the same bytes, framed right, are a valid request
        Assert.NotNull(outcome.GrpcStatus);
        Assert.NotEqual((int)StatusCode.OK, outcome.GrpcStatus);
        Assert.Contains(outcome.GrpcStatus, new int?[] { (int)StatusCode.Internal, (int)StatusCode.ResourceExhausted });
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var outcome = await RawGrpc.CallAsync(fixture.Port, "Transform", RawGrpc.Frame(new Empty().ToByteArray()));

        Assert.Equal((int)StatusCode.Unimplemented, outcome.GrpcStatus);
    }

    [Fact]
    public async Task Fifty_concurrent_Analyze_calls_are_all_answered_correctly()
    {
        var requests = Enumerable.Range(0, 50)
            .Select(i => Analyze(Volume, $"volume-{i}", $$"""{"availabilityZone":"eu-west-3a","size":{{i + 1}},"encrypted":{{(i % 2 == 0 ? "true" : "false")}},"tags":{{Tags}}}"""))
            .ToList();

        var responses = await Task.WhenAll(requests.Select(r => Client.AnalyzeAsync(r).ResponseAsync));

        for (var i = 0; i < requests.Count; i++)
        {
            if (i % 2 == 0)
            {
                Assert.Empty(responses[i].Diagnostics);
            }
            else
            {
                var diagnostic = Assert.Single(responses[i].Diagnostics);
                Assert.Equal(requests[i].Urn, diagnostic.Urn);
                Assert.Equal(EncryptedVolumesRule.Code, diagnostic.PolicyName);
            }
        }
    }

    /// <summary>
    /// A value of <paramref name="depth"/> levels: objects {"level": {"level": ... "bottom"}}, lists [[... "bottom"]], or
    /// secret objects, where each object and the bottom value are secrets as the engine sends them with KeepSecrets.
    /// </summary>
    private static Value Nested(string shape, int depth)
    {
        var value = shape == "secret objects" ? Secret(Value.ForString("bottom")) : Value.ForString("bottom");
        for (var i = 0; i < depth; i++)
        {
            if (shape == "lists")
            {
                value = Value.ForList(value);
                continue;
            }

            var level = new Struct();
            level.Fields["level"] = value;
            value = shape == "secret objects" ? Secret(Value.ForStruct(level)) : Value.ForStruct(level);
        }

        return value;

        static Value Secret(Value plaintext)
        {
            var secret = Properties(Requests.Secret(""));
            secret.Fields["value"] = plaintext;
            return Value.ForStruct(secret);
        }
    }

    [GeneratedRegex("(?m)^runtime: dotnet$")]
    private static partial Regex RuntimeDotnet();

    [GeneratedRegex("(?m)^version: (.+)$")]
    private static partial Regex YamlVersion();
}
