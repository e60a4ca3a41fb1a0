using Infra.Blueprints.Loading;

namespace Infra.Cli;

/// <summary>Resolves the repository a command works on, or says why it cannot (bad usage or input, exit 2).</summary>
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
            var loader = new StackDefinitionLoader(RepositoryRoot.Find(start));
            foreach (var file in loader.MisnamedStackFiles())
            {
                environment.Error.WriteLine($"{file}: error: '{file}' names no stack; a stack file is Pulumi.<stack>.yaml, the stack named with letters, digits, '-', '_' or '.' (at most 100): rename or remove it");
            }
            return loader.MisnamedStackFiles().Count == 0 ? loader : null;
        }
        catch (DirectoryNotFoundException e)
        {
            environment.Error.WriteLine($"infra: {e.Message}");
            return null;
        }
    }
}
