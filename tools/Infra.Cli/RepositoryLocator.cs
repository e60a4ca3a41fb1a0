using Infra.Blueprints.Loading;

namespace Infra.Cli;

/// <summary>Resolves the repository a command works on, or says why it cannot.</summary>
internal static class RepositoryLocator
{
    public static StackDefinitionLoader? Open(string? repository, CliEnvironment environment)
    {
        try
        {
            var start = repository is null ? environment.WorkingDirectory : Path.GetFullPath(repository, environment.WorkingDirectory);
            if (repository is not null && !File.Exists(Path.Combine(start, RepositoryRoot.ProjectFile)))
            {
                environment.Error.WriteLine($"infra: --repository {repository}: no {RepositoryRoot.ProjectFile} there; point it at the folder that holds {RepositoryRoot.ProjectFile}");
                return null;
            }
            return new StackDefinitionLoader(RepositoryRoot.Find(start));
        }
        catch (DirectoryNotFoundException e)
        {
            environment.Error.WriteLine($"infra: {e.Message}");
            return null;
        }
    }
}
