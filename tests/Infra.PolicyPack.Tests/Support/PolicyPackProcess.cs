using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>
/// The built pack, started as the dotnet language host's RunPlugin starts it: <c>dotnet Infra.PolicyPack.dll &lt;engine
/// address&gt;</c> in the pack's folder; the first line of standard output is the port (pulumi/pulumi
/// sdk/go/common/resource/plugin/plugin.go reads it byte by byte up to the newline).
/// </summary>
public sealed class PolicyPackProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private PolicyPackProcess(Process process, StringBuilder stderr, int port)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the pack wrote to standard error (its logs), for failure messages.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static string PackDirectory => Metadata("PolicyPackDirectory");

    public static async Task<PolicyPackProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = PackDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Metadata("PolicyPackAssembly"));
        start.ArgumentList.Add("127.0.0.1:50051"); // the engine's address; the pack never dials it
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the pack did not start");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            process.Kill();
            throw new InvalidOperationException($"the pack wrote '{line}' instead of a port; stderr: {stderr}");
        }

        return new PolicyPackProcess(process, stderr, port);
    }

    /// <summary>The rest of standard output after the port line; the pack writes nothing else there.</summary>
    public Task<string> RemainingOutputAsync() => _process.StandardOutput.ReadToEndAsync();

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The dotnet host running the tests (as the language host runs `dotnet`), else the one on PATH.</summary>
    private static string DotnetPath() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    private static string Metadata(string key) =>
        typeof(PolicyPackProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
