using System.Diagnostics;
using System.Globalization;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>
/// Runs parts of a fleet's boot script with bash, the commands it calls (curl, aws, systemctl, sleep,
/// timeout, report-unhealthy) replaced by stubs that record their arguments. Only parts that write
/// nothing outside the run's own folder are run: the health report, the watchdog, and the boot's
/// failure handling around one failing step.
/// </summary>
internal sealed record ShellRun(int ExitCode, IReadOnlyList<string> Calls)
{
    private const string InstanceId = "i-0123456789abcdef0";

    /// <summary>The liveness watchdog; curl exits with <paramref name="curlExit"/>; sleep ends the loop after <paramref name="sleeps"/> rounds.</summary>
    public static ShellRun Watchdog(string userData, int curlExit, bool agentsActive, int sleeps) =>
        Watchdog(userData, [curlExit], agentsActive, sleeps);

    /// <summary>The liveness watchdog; curl exits with each of <paramref name="curlExits"/> in turn, then with the last.</summary>
    public static ShellRun Watchdog(string userData, int[] curlExits, bool agentsActive, int sleeps)
    {
        ArgumentNullException.ThrowIfNull(curlExits);
        return Run(UserDataTemplateTests.Script(userData, "liveness-watchdog"), [], new Dictionary<string, string>
        {
            ["curl"] = Sequence("curl", curlExits),
            ["systemctl"] = Exit(agentsActive ? 0 : 3),
            ["sleep"] = Sequence("sleep", [.. Enumerable.Repeat(0, sleeps), 1]),
            ["report-unhealthy"] = Exit(0),
        });
    }

    /// <summary>The health report, with the instance metadata answered by a stub curl.</summary>
    public static ShellRun Report(string userData, string argument) =>
        Run(UserDataTemplateTests.Script(userData, "report-unhealthy"), [argument], new Dictionary<string, string>
        {
            ["curl"] = "case \"$*\" in *api/token*) echo token ;; *instance-id*) echo " + InstanceId + " ;; *) exit 22 ;; esac\n",
            ["aws"] = Exit(0),
        });

    /// <summary>
    /// The boot's settings and failure trap, then its steps from the line holding <paramref name="failingLine"/>
    /// to the end, where that step's command fails (the stub timeout exits 124). The PATH export is left
    /// out: the stubs stand in for /usr/local/bin.
    /// </summary>
    public static ShellRun Boot(string userData, string failingLine, int reportExit = 0)
    {
        ArgumentNullException.ThrowIfNull(userData);
        var lines = userData.Split('\n');
        var trap = Array.FindIndex(lines, l => l.StartsWith("trap ", StringComparison.Ordinal));
        var failing = Array.FindIndex(lines, l => l.Contains(failingLine, StringComparison.Ordinal));
        Assert.True(trap > 0 && failing > trap, "the boot has a failure trap before the failing step");
        var script = string.Join('\n', lines[..(trap + 1)].Where(l => !l.StartsWith("export PATH=", StringComparison.Ordinal)).Concat(lines[failing..]));
        return Run(script, [], new Dictionary<string, string>
        {
            ["timeout"] = Exit(124),
            ["systemctl"] = Exit(0),
            ["report-unhealthy"] = Exit(reportExit),
        });
    }

    private static ShellRun Run(string script, string[] arguments, Dictionary<string, string> stubs)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the boot script is bash, for Linux instances");
        }
        var folder = Directory.CreateTempSubdirectory("infra-shell-");
        try
        {
            var bin = Directory.CreateDirectory(Path.Combine(folder.FullName, "bin")).FullName;
            var calls = Path.Combine(folder.FullName, "calls.log");
            foreach (var (name, body) in stubs)
            {
                var stub = Path.Combine(bin, name);
                File.WriteAllText(stub, $"#!/bin/bash\necho \"{name} $*\" >> \"$CALLS\"\n{body}");
                File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var path = Path.Combine(folder.FullName, "script.sh");
            File.WriteAllText(path, script);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName };
            start.ArgumentList.Add(path);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
            start.Environment["CALLS"] = calls;
            start.Environment["STATE"] = folder.FullName;
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(30_000), "the script did not end within 30 s");
            return new ShellRun(process.ExitCode, File.Exists(calls) ? File.ReadAllLines(calls) : []);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Exit(int code) => string.Create(CultureInfo.InvariantCulture, $"exit {code}\n");

    /// <summary>A stub that exits with each code in turn, then with the last one.</summary>
    private static string Sequence(string name, int[] codes) => string.Create(CultureInfo.InvariantCulture, $$"""
        count="$STATE/{{name}}.count"
        n=$(( $(cat "$count" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$count"
        codes=({{string.Join(' ', codes)}})
        index=$(( n <= ${#codes[@]} ? n - 1 : ${#codes[@]} - 1 ))
        exit "${codes[$index]}"

        """);
}
