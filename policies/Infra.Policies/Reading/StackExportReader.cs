using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Reads <c>pulumi stack export</c> (deployment version 3) as a stream: one resource of
/// <c>deployment.resources[]</c> at a time, so a large state never sits in memory as JSON.
/// A malformed or truncated file throws <see cref="StateFileException"/> with the position.
/// </summary>
public static class StackExportReader
{
    /// <summary>Resources in file order, read lazily; errors surface while enumerating.</summary>
    public static IEnumerable<PolicyResource> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new StackExportParser(stream, fileName);
        while (parser.TryReadNext(out var resource))
        {
            yield return resource!;
        }
    }

    public static ResourceSet ReadAll(Stream stream, string fileName) => new(Read(stream, fileName));

    public static ResourceSet ReadFile(string path)
    {
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
