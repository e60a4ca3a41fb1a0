using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Reads <c>pulumi stack export</c> (deployment version 3) as a stream: one resource of
/// <c>deployment.resources[]</c> at a time, so a large state never sits in memory as JSON.
/// A malformed, truncated or non-UTF-8 file, or a key repeated in one object, throws <see cref="StateFileException"/>
/// with the position. The one reader of the export: the compliance command reads it here, and so does the Kafka plan
/// (<see cref="ReadEntries"/>, which tells which resources are pending deletion).
/// </summary>
public static class StackExportReader
{
    /// <summary>
    /// Resources in file order, read lazily; errors surface while enumerating. Resources pending deletion are included:
    /// they are still in the cloud, so the rules judge them (see <see cref="StackExportEntry.PendingDeletion"/>).
    /// </summary>
    public static IEnumerable<PolicyResource> Read(Stream stream, string fileName) => ReadEntries(stream, fileName).Select(e => e.Resource);

    /// <summary>Every resource in file order with its pending-deletion mark and position, read lazily.</summary>
    public static IEnumerable<StackExportEntry> ReadEntries(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new StackExportParser(stream, fileName);
        while (parser.TryReadNext(out var entry))
        {
            yield return entry!;
        }
    }

    /// <summary><see cref="ReadEntries(Stream, string)"/> of a file, opened when the enumeration starts and closed at its end.</summary>
    public static IEnumerable<StackExportEntry> ReadFileEntries(string path)
    {
        using var stream = OpenOrFail(path);
        foreach (var entry in ReadEntries(stream, path))
        {
            yield return entry;
        }
    }

    /// <summary>Every resource of the export, with the state's secrets provider.</summary>
    public static ResourceSet ReadAll(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new StackExportParser(stream, fileName);
        var resources = new List<PolicyResource>();
        while (parser.TryReadNext(out var entry))
        {
            resources.Add(entry!.Resource);
        }

        return new ResourceSet(resources) { SecretsProvider = parser.SecretsProvider };
    }

    /// <summary>Every resource of an export file: read on every core, and read again in order only to report a problem at its position.</summary>
    public static ResourceSet ReadFile(string path)
    {
        if (ParallelExportReader.TryRead(path) is { } resources)
        {
            return resources;
        }

        using var stream = OpenOrFail(path);
        return ReadAll(stream, path);
    }

    internal static FileStream OpenOrFail(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException(path, null, null, null, "cannot open the file: " + ex.Message, ex);
        }
    }
}
