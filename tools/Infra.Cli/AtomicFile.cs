using System.Text;

namespace Infra.Cli;

/// <summary>
/// Replaces a file's content all at once: the new content goes to a temporary file in the same folder,
/// is flushed to disk, and is then renamed over the old file. A crash before the rename leaves the
/// old file whole; readers never see half a file. Every file the command writes goes through here.
/// A link is followed (the file it names is replaced, in its own folder) and the file keeps its mode;
/// a read-only file or a folder is refused; a device or a pipe (<c>/dev/stdout</c>) is written through.
/// Failures are <see cref="FileWriteException"/>s that name the path the caller gave.
/// </summary>
internal static class AtomicFile
{
    /// <summary>A temporary file older than this was left by a run that died; the next write of the same file removes it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <param name="beforeRename">Called with the temporary file's path just before the rename; tests inject a crash there.</param>
    public static void Write(string path, string content, Action<string>? beforeRename = null) =>
        Write(path, Utf8(content), beforeRename);

    /// <summary>Writes what <paramref name="write"/> writes to the stream, all at once.</summary>
    public static void Write(string path, Action<Stream> write, Action<string>? beforeRename = null)
    {
        using var pending = Prepare(path, write);
        beforeRename?.Invoke(pending.TemporaryPath ?? pending.Path);
        pending.Commit();
    }

    /// <summary>
    /// Writes the new content of <paramref name="path"/> to its temporary file and stops before the rename, so that
    /// a caller replacing several files fails on a full disk or a refused file before it replaces any.
    /// </summary>
    public static PendingFile Prepare(string path, string content) => Prepare(path, Utf8(content));

    /// <inheritdoc cref="Prepare(string, string)"/>
    public static PendingFile Prepare(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        return PendingFile.Create(path, write);
    }

    /// <summary>
    /// Removes the temporary files of <paramref name="path"/> older than <paramref name="age"/> (<see cref="TimeSpan.Zero"/>:
    /// all of them, for a caller that holds a lock no other writer of the file can hold).
    /// </summary>
    public static void RemoveTemporaries(string path, TimeSpan age)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = new DirectoryInfo(System.IO.Path.GetDirectoryName(full)!);
        if (!folder.Exists)
        {
            return;
        }
        foreach (var stale in folder.EnumerateFiles(TemporaryPattern(full)).Where(f => DateTime.UtcNow - f.LastWriteTimeUtc >= age))
        {
            try
            {
                stale.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's file, or a folder we may not change: left for that run or a person.
            }
        }
    }

    internal static string TemporaryName(string full) => $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp";

    private static string TemporaryPattern(string full) => $".{System.IO.Path.GetFileName(full)}.*.tmp";

    private static Action<Stream> Utf8(string content) =>
        stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
}
