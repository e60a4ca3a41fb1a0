using System.Text;

namespace Infra.Cli;

/// <summary>
/// Replaces a file's content all at once: the new text goes to a temporary file in the same folder,
/// is flushed to disk, and is then renamed over the old file. A crash before the rename leaves the
/// old file whole; readers never see half a file.
/// </summary>
internal static class AtomicFile
{
    /// <param name="beforeRename">Called with the temporary file's path just before the rename; tests inject a crash there.</param>
    public static void Write(string path, string content, Action<string>? beforeRename = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            beforeRename?.Invoke(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
