using System.Runtime.InteropServices;

namespace Infra.Cli;

/// <summary>
/// What a path names once links are followed: nothing, a folder, a regular file, or something else (a device,
/// a pipe, a socket) that a report is written through rather than replaced. .NET does not tell a device from a
/// regular file, so on Linux this asks statx(2) (its layout is the same on every architecture).
/// </summary>
internal static class FileKind
{
    public enum Kind
    {
        Missing,
        Directory,
        Regular,
        Special,
    }

    private const int CurrentDirectory = -100;
    private const uint TypeMask = 0x1;
    private const int ModeOffset = 0x1C;
    private const int TypeBits = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    public static Kind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return Kind.Directory;
        }
        if (!File.Exists(path))
        {
            return Kind.Missing;
        }
        if (!OperatingSystem.IsLinux())
        {
            return Kind.Regular;
        }
        var buffer = new byte[256];
        if (Statx(CurrentDirectory, path, 0, TypeMask, buffer) != 0)
        {
            return Kind.Regular;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeBits) switch
        {
            RegularType => Kind.Regular,
            DirectoryType => Kind.Directory,
            _ => Kind.Special,
        };
    }

    [DllImport("libc", EntryPoint = "statx", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
