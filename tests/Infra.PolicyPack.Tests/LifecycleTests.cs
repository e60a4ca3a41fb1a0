using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Policies.Rules.Encryption;
using Infra.PolicyPack.Protocol;
using Infra.PolicyPack.Tests.Support;
using static Infra.PolicyPack.Tests.Support.Requests;

namespace Infra.PolicyPack.Tests;

/// <summary>A pack of its own per test: what it writes where, what it knows before ConfigureStack, and how it ends.</summary>
public sealed class LifecycleTests
{
    private static readonly Dictionary<string, string> DebugLogs = new() { ["Logging__LogLevel__Default"] = "Debug" };

    [Fact]
    public async Task Cancel_ends_the_process_and_nothing_but_the_port_reaches_standard_output()
    {
        await using var pack = await PolicyPackProcess.StartAsync(DebugLogs);
        using var channel = new PackClient(pack.Port);
        var client = channel.Analyzer;
        await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:50051" });

        await client.CancelAsync(new Empty());

        Assert.True(await pack.WaitForExitAsync(TimeSpan.FromSeconds(20)), pack.StandardError);
        Assert.Equal(0, pack.ExitCode);
        Assert.Equal("", await pack.RemainingOutputAsync());
        Assert.Contains("Handshake from the engine at 127.0.0.1:50051", pack.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_cannot_decide_says_so_in_the_debug_log()
    {
        await using var pack = await PolicyPackProcess.StartAsync(DebugLogs);
        using var channel = new PackClient(pack.Port);
        var client = channel.Analyzer;
        var volume = Analyze(Volume, "preview", $$"""{"availabilityZone":"eu-west-3a","encrypted":{{Unknown}},"tags":{{Tags}}}""");

        var response = await client.AnalyzeAsync(volume);
        await client.CancelAsync(new Empty());
        await pack.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(response.Diagnostics);
        Assert.Contains($"aws-ec2-encrypted-volumes reported nothing for {volume.Urn}", pack.StandardError, StringComparison.Ordinal);
        Assert.Contains("encrypted; the rule judges known values only", pack.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ConfigureStack_the_stack_comes_from_the_URN()
    {
        await using var pack = await PolicyPackProcess.StartAsync();
        using var channel = new PackClient(pack.Port);
        var client = channel.Analyzer;
        const string KeyProperties = $$"""{"enableKeyRotation":true,"deletionWindowInDays":7,"tags":{{Tags}}}""";

        var production = await client.AnalyzeAsync(Analyze(KmsKey, "ledger", KeyProperties, "production"));
        var staging = await client.AnalyzeAsync(Analyze(KmsKey, "ledger", KeyProperties, "staging"));

        Assert.Contains(production.Diagnostics, d => d.PolicyName == KmsKeyDeletionWindowRule.Code);
        Assert.DoesNotContain(staging.Diagnostics, d => d.PolicyName == KmsKeyDeletionWindowRule.Code);
    }

    [Fact]
    public async Task A_client_that_resets_its_stream_mid_call_is_no_error_in_the_engine_output()
    {
        await using var pack = await PolicyPackProcess.StartAsync(DebugLogs);
        using var channel = new PackClient(pack.Port);
        var stack = new AnalyzeStackRequest();
        for (var i = 0; i < 20_000; i++)
        {
            stack.Resources.Add(StackResource(Volume, $"volume-{i}", $$"""{"availabilityZone":"eu-west-3a","size":{{i}},"encrypted":true,"tags":{{Tags}}}"""));
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var call = channel.Analyzer.AnalyzeStackAsync(stack, cancellationToken: cancellation.Token);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.NotNull(await channel.Analyzer.GetPluginInfoAsync(new Empty()));
        await channel.Analyzer.CancelAsync(new Empty());
        await pack.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.DoesNotMatch("(?m)^(fail|crit|warn):", pack.StandardError);
    }

    [Fact]
    public async Task A_client_that_resets_its_stream_while_sending_the_request_is_no_error_in_the_engine_output()
    {
        await using var pack = await PolicyPackProcess.StartAsync(DebugLogs);
        using var http = new HttpClient(new SocketsHttpHandler());
        var sent = new TaskCompletionSource();
        using var cancellation = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{pack.Port}/pulumirpc.Analyzer/AnalyzeStack")
        {
            // A prefix announcing 1 MiB and a few bytes of it, then nothing until the client gives up.
            Content = new NeverEndingContent([0, 0, 0x10, 0, 0, 0x0a, 0x02], sent),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        var call = http.SendAsync(request, cancellation.Token);
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        using var channel = new PackClient(pack.Port);
        Assert.NotNull(await channel.Analyzer.GetPluginInfoAsync(new Empty()));
        await channel.Analyzer.CancelAsync(new Empty());
        await pack.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.DoesNotMatch("(?m)^(fail|crit|warn):", pack.StandardError);
    }

    [Fact]
    public async Task An_empty_ConfigureStack_is_accepted_and_the_stack_then_comes_from_the_URN()
    {
        await using var pack = await PolicyPackProcess.StartAsync();
        using var channel = new PackClient(pack.Port);
        const string KeyProperties = $$"""{"enableKeyRotation":true,"deletionWindowInDays":7,"tags":{{Tags}}}""";

        await channel.Analyzer.ConfigureStackAsync(new AnalyzerStackConfigureRequest());
        var production = await channel.Analyzer.AnalyzeAsync(Analyze(KmsKey, "ledger", KeyProperties, "production"));

        Assert.Contains(production.Diagnostics, d => d.PolicyName == KmsKeyDeletionWindowRule.Code);
    }

    /// <summary>A request body that writes its first bytes and then waits until the request is cancelled.</summary>
    private sealed class NeverEndingContent(byte[] start, TaskCompletionSource sent) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
