using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules;

/// <summary>policies/RULES.md is the catalog as it is in the code.</summary>
public sealed class RuleCatalogDocumentTests
{
    [Fact]
    public void The_rules_document_is_up_to_date()
    {
        var path = Path.Combine(RepositoryRoot(), "policies", "RULES.md");
        var expected = RuleCatalogDocument.Render(RuleCatalog.All);

        if (Environment.GetEnvironmentVariable("UPDATE_RULES_DOC") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "policies/RULES.md is missing; run the tests with UPDATE_RULES_DOC=1");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Pulumi.yaml not found above the test directory");
    }
}
