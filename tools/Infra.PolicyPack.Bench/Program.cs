using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Infra.PolicyPack.Bench;
using Infra.PolicyPack.Protocol;
using Infra.PolicyPack.Tests.Support;

// Times the pack from a client: Analyze latency per resource (targets: p99 under 2 ms) and AnalyzeStack over a whole
// stack (target: 10,000 resources under 1 s). Sequential calls on one HTTP/2 connection, as the engine makes them, with the
// generated gRPC client over Grpc.Net.Client.
var calls = new Option<int>("--calls") { Description = "Timed Analyze calls", DefaultValueFactory = _ => 5_000 };
var resources = new Option<int>("--resources") { Description = "Resources in the AnalyzeStack request", DefaultValueFactory = _ => 10_000 };
var runs = new Option<int>("--runs") { Description = "Timed AnalyzeStack runs", DefaultValueFactory = _ => 5 };
var warmup = new Option<int>("--warmup") { Description = "Untimed Analyze calls first", DefaultValueFactory = _ => 2_000 };
var root = new RootCommand("Benchmark of the policy pack's Analyze and AnalyzeStack, measured from a client") { calls, resources, runs, warmup };
root.SetAction((parsed, _) => RunAsync(parsed.GetValue(calls), parsed.GetValue(resources), parsed.GetValue(runs), parsed.GetValue(warmup)));
return await root.Parse(args).InvokeAsync();

static async Task<int> RunAsync(int calls, int resourceCount, int runs, int warmup)
{
    var stack = SyntheticStack.Create(resourceCount, "production");
    await using var pack = await PolicyPackProcess.StartAsync();
    using var channel = new PackClient(pack.Port);
    var client = channel.Analyzer;
    await client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:50051" });
    await client.ConfigureStackAsync(new AnalyzerStackConfigureRequest { Stack = "production", Project = "infra", DryRun = true });

    // Warm-up: connection and JIT (tiered compilation settles after some thousand calls); the first call is reported apart.
    var first = Stopwatch.StartNew();
    await client.AnalyzeAsync(stack.AnalyzeRequests[0]);
    var firstCall = first.Elapsed.TotalMilliseconds;
    for (var i = 0; i < warmup; i++)
    {
        await client.AnalyzeAsync(stack.AnalyzeRequests[i % stack.AnalyzeRequests.Count]);
    }

    var latencies = new double[calls];
    var diagnostics = 0;
    for (var i = 0; i < calls; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.AnalyzeAsync(stack.AnalyzeRequests[i % stack.AnalyzeRequests.Count]);
        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        diagnostics += response.Diagnostics.Count;
    }

    Array.Sort(latencies);
    var p50 = Percentile(latencies, 0.50);
    var p99 = Percentile(latencies, 0.99);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Analyze: {calls} calls over {stack.AnalyzeRequests.Count} distinct resources: p50 {p50:F3} ms, p90 {Percentile(latencies, 0.90):F3} ms, p99 {p99:F3} ms, max {latencies[^1]:F3} ms ({diagnostics} diagnostics; first call {firstCall:F1} ms)"));

    await client.AnalyzeStackAsync(stack.StackRequest);
    var stackTimes = new double[runs];
    var stackDiagnostics = 0;
    for (var i = 0; i < runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await client.AnalyzeStackAsync(stack.StackRequest);
        stackTimes[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        stackDiagnostics = response.Diagnostics.Count;
    }

    Array.Sort(stackTimes);
    var median = Percentile(stackTimes, 0.50);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"AnalyzeStack: {stack.StackRequest.Resources.Count} resources ({stack.StackRequest.CalculateSize() / 1024.0 / 1024.0:F1} MiB request), {runs} runs: min {stackTimes[0]:F0} ms, median {median:F0} ms, max {stackTimes[^1]:F0} ms ({stackDiagnostics} diagnostics)"));
    Console.WriteLine($"Targets: Analyze p99 < 2 ms {(p99 < 2 ? "met" : "MISSED")}; AnalyzeStack of 10,000 resources < 1 s {(median < 1000 ? "met" : "MISSED")} (median)");

    await client.CancelAsync(new Empty());
    await pack.WaitForExitAsync(TimeSpan.FromSeconds(20));
    return 0;
}

static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
