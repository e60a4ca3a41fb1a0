namespace Infra.Blueprints.Loading;

/// <summary>Finds the repository's root: the folder that holds Pulumi.yaml.</summary>
public static class RepositoryRoot
{
    public const string ProjectFile = "Pulumi.yaml";

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding Pulumi.yaml.</summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No {ProjectFile} in {start} or any folder above it; run from inside the infrastructure repository or pass --repository.");
    }
}
