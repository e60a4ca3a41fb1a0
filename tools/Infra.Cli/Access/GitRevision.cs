using System.Diagnostics;
using Infra.Blueprints.Loading;

namespace Infra.Cli.Access;

/// <summary>
/// The stack files and catalogs of a git revision, written to a temporary folder so that the same
/// loader reads them. Git is only read (<c>git ls-tree</c>, <c>git show</c>), never changed.
/// </summary>
internal sealed class GitRevision : IDisposable
{
    private GitRevision(string root) => Root = root;

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The files of <paramref name="revision"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static GitRevision? Checkout(string repositoryRoot, string revision, out string error)
    {
        error = "";
        if (revision.StartsWith('-'))
        {
            error = $"'{revision}' is not a revision; expected a commit, branch or tag such as HEAD~1 or main";
            return null;
        }
        if (Git(repositoryRoot, out error, "ls-tree", "--name-only", revision, "--", ".") is not { } listing)
        {
            return null;
        }
        var stackFiles = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.StartsWith("Pulumi.", StringComparison.Ordinal) && f.EndsWith(".yaml", StringComparison.Ordinal) && f != RepositoryRoot.ProjectFile);
        var folder = new GitRevision(Directory.CreateTempSubdirectory("infra-revision-").FullName);
        foreach (var file in stackFiles.Concat([StackDefinitionLoader.TeamsFile, StackDefinitionLoader.PeopleFile, StackDefinitionLoader.TopicsFile]))
        {
            if (Git(repositoryRoot, out error, "show", $"{revision}:{file}") is not { } content)
            {
                folder.Dispose();
                return null;
            }
            var path = Path.Combine(folder.Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
        return folder;
    }

    private static string? Git(string repositoryRoot, out string error, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repositoryRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var errorText = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error = process.ExitCode == 0 ? "" : $"git {string.Join(' ', arguments)}: {errorText.Result.Trim()}";
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = $"git cannot be run: {e.Message}";
            return null;
        }
    }
}
