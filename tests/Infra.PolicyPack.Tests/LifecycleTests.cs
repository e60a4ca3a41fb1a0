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
        using var client = new AnalyzerClient(pack.Port);
        await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:50051" });

        await client.CancelAsync();

        Assert.True(await pack.WaitForExitAsync(TimeSpan.FromSeconds(20)), pack.StandardError);
        Assert.Equal(0, pack.ExitCode);
        Assert.Equal("", await pack.RemainingOutputAsync());
        Assert.Contains("Handshake from the engine at 127.0.0.1:50051", pack.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_cannot_decide_says_so_in_the_debug_log()
    {
        await using var pack = await PolicyPackProcess.StartAsync(DebugLogs);
        using var client = new AnalyzerClient(pack.Port);
        var volume = Analyze(Volume, "preview", $$"""{"availabilityZone":"eu-west-3a","encrypted":{{Unknown}},"tags":{{Tags}}}""");

        var response = await client.AnalyzeAsync(volume);
        await client.CancelAsync();
        await pack.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(response.Diagnostics);
        Assert.Contains($"aws-ec2-encrypted-volumes reported nothing for {volume.Urn}", pack.StandardError, StringComparison.Ordinal);
        Assert.Contains("encrypted; the rule judges known values only", pack.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ConfigureStack_the_stack_comes_from_the_URN()
    {
        await using var pack = await PolicyPackProcess.StartAsync();
        using var client = new AnalyzerClient(pack.Port);
        const string KeyProperties = $$"""{"enableKeyRotation":true,"deletionWindowInDays":7,"tags":{{Tags}}}""";

        var production = await client.AnalyzeAsync(Analyze(KmsKey, "ledger", KeyProperties, "production"));
        var staging = await client.AnalyzeAsync(Analyze(KmsKey, "ledger", KeyProperties, "staging"));

        Assert.Contains(production.Diagnostics, d => d.PolicyName == "aws-kms-key-deletion-window");
        Assert.DoesNotContain(staging.Diagnostics, d => d.PolicyName == "aws-kms-key-deletion-window");
    }
}
