using System.Text;

namespace Infra.Cli;

/// <summary>
/// Replaces a file's content all at once: the new content goes to a temporary file in the same folder,
/// is flushed to disk, and is then renamed over the old file. A crash before the rename leaves the
/// old file whole; readers never see half a file. Every file the command writes goes through here.
/// </summary>
internal static class AtomicFile
{
    /// <param name="beforeRename">Called with the temporary file's path just before the rename; tests inject a crash there.</param>
    public static void Write(string path, string content, Action<string>? beforeRename = null) =>
        Write(path, stream => stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content)), beforeRename);

    /// <summary>Writes what <paramref name="write"/> writes to the stream, all at once.</summary>
    public static void Write(string path, Action<Stream> write, Action<string>? beforeRename = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            beforeRename?.Invoke(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            throw;
        }
    }
}
