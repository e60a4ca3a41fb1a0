using System.Diagnostics;

namespace Infra.Cli.Tests.Faults;

/// <summary>
/// The faults a test can make on this machine: a full file system (a small tmpfs, as root with the right to
/// mount), an immutable file (chattr +i), a folder the test's user may not write (not as root). The tests ask at
/// run time and assert what the machine allows, so that nothing is skipped and nothing passes by not running.
/// </summary>
internal static class Privileges
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a program, quietly; true when it exits 0.</summary>
    public static bool Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> on <paramref name="folder"/>; false when this machine does not let the test.</summary>
    public static bool TryMountSmallFileSystem(string folder, int kilobytes) =>
        OperatingSystem.IsLinux() && IsRoot && Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", folder);

    public static void Unmount(string folder) => Run("umount", folder);

    /// <summary>Makes <paramref name="path"/> immutable; false when this machine does not let the test.</summary>
    public static bool TryMakeImmutable(string path) => OperatingSystem.IsLinux() && Run("chattr", "+i", path);

    public static void MakeMutable(string path) => Run("chattr", "-i", path);
}
