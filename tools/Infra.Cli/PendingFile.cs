namespace Infra.Cli;

/// <summary>
/// A file's new content, written to a temporary file beside the file it replaces and not yet renamed over it
/// (see <see cref="AtomicFile.Prepare(string, Action{Stream})"/>). <see cref="Commit"/> renames it; disposing an
/// uncommitted one removes the temporary file. For a device or a pipe there is nothing to rename: the content
/// is written through the path at <see cref="Commit"/>.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string target;
    private readonly Action<Stream>? writeThrough;
    private bool committed;

    private PendingFile(string path, string target, string? temporary, Action<Stream>? writeThrough)
    {
        Path = path;
        this.target = target;
        TemporaryPath = temporary;
        this.writeThrough = writeThrough;
    }

    /// <summary>The path the caller gave, as every message names it.</summary>
    public string Path { get; }

    /// <summary>The temporary file, or null when the content is written through the path.</summary>
    public string? TemporaryPath { get; }

    internal static PendingFile Create(string path, Action<Stream> write)
    {
        var full = System.IO.Path.GetFullPath(path);
        switch (FileKind.Of(full))
        {
            case FileKind.Kind.Directory:
                throw new FileWriteException($"{path} is a folder; expected the path of a file to write");
            case FileKind.Kind.Special:
                return new PendingFile(path, full, null, write);
        }
        var target = Resolve(full);
        var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, AtomicFile.TemporaryName(target));
        AtomicFile.RemoveTemporaries(target, AtomicFile.StaleAfter);
        try
        {
            var existingMode = File.Exists(target) ? ExistingMode(path, target) : (UnixFileMode?)null;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            if (existingMode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, mode);
            }
            return new PendingFile(path, target, temporary, null);
        }
        catch (Exception e)
        {
            Delete(temporary);
            throw e is IOException or UnauthorizedAccessException && e is not FileWriteException
                ? new FileWriteException($"{path} cannot be written: {Named(e.Message, temporary, path)}", e)
                : e;
        }
    }

    /// <summary>Renames the new content over the file, or writes it through a device or pipe.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        try
        {
            if (writeThrough is not null)
            {
                using var stream = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
                writeThrough(stream);
                stream.Flush();
            }
            else
            {
                File.Move(TemporaryPath!, target, overwrite: true);
            }
            committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileWriteException($"{Path} cannot be written: {Named(e.Message, TemporaryPath, Path)}", e);
        }
    }

    public void Dispose()
    {
        if (!committed && TemporaryPath is not null)
        {
            Delete(TemporaryPath);
        }
        committed = true;
    }

    /// <summary>A link is followed to the file it finally names, so that the rename replaces that file in its own folder.</summary>
    private static string Resolve(string full) =>
        new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;

    /// <summary>The mode the replacement keeps; a file the user may not write is refused, not replaced behind their back.</summary>
    private static UnixFileMode? ExistingMode(string path, string target)
    {
        try
        {
            using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new FileWriteException($"{path} is read-only; make it writable to let infra replace it");
        }
        return OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
    }

    private static string Named(string message, string? temporary, string path) =>
        temporary is null ? message : message.Replace(temporary, path, StringComparison.Ordinal);

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed by the next write of the same file (AtomicFile.RemoveTemporaries).
        }
    }
}
