using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Tests.Support;

/// <summary>
/// A throw-away copy of the repository's stack files and catalogs, to break on purpose. Every edit
/// must find its text exactly once, so that a test can never pass on an edit that did nothing.
/// </summary>
public sealed class RepositoryCopy : IDisposable
{
    public RepositoryCopy()
    {
        Root = Directory.CreateTempSubdirectory("infra-repo-").FullName;
        var source = RepositoryRoot.Find(AppContext.BaseDirectory);
        foreach (var file in Directory.EnumerateFiles(source, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(Root, Path.GetFileName(file)));
        }
        Directory.CreateDirectory(Path.Combine(Root, "stacks", "catalog"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "stacks", "catalog"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(Root, "stacks", "catalog", Path.GetFileName(file)));
        }
    }

    public string Root { get; }

    public StackDefinitionLoader Loader => new(Root);

    public string Read(string file) => File.ReadAllText(Path.Combine(Root, file));

    /// <summary>Replaces the one occurrence of <paramref name="find"/> in <paramref name="file"/>.</summary>
    public RepositoryCopy Edit(string file, string find, string replace)
    {
        var text = Read(file);
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{find}' is not in {file}");
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"'{find}' is in {file} more than once");
        File.WriteAllText(Path.Combine(Root, file), string.Concat(text.AsSpan(0, first), replace, text.AsSpan(first + find.Length)));
        return this;
    }

    public void Delete(string file) => File.Delete(Path.Combine(Root, file));

    /// <summary>The 1-based line of the one occurrence of <paramref name="text"/> in <paramref name="file"/>.</summary>
    public int LineOf(string file, string text)
    {
        var content = Read(file);
        var index = content.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in {file}");
        return content.AsSpan(0, index).Count('\n') + 1;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
