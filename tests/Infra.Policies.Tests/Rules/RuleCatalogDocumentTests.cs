using Infra.Policies.Rules;
using Infra.Policies.Rules.Frameworks;
using Infra.Policies.Rules.Network;

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

    [Fact]
    public void Every_framework_a_rule_cites_is_one_the_coverage_table_knows()
    {
        var unknown = RuleCatalog.All.SelectMany(r => r.Frameworks.Where(f => FrameworkClause.Parse(f) is null).Select(f => $"{r.Id}: {f}")).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_coverage_table_marks_cited_clauses_covered_and_the_others_not()
    {
        var text = RuleCatalogDocument.Render([new SecurityGroupAdminPortsRule()]);

        Assert.Contains($"| CIS AWS 5.2 | [`{SecurityGroupAdminPortsRule.Code}`](#{SecurityGroupAdminPortsRule.Code}) |", text, StringComparison.Ordinal);
        Assert.Contains("| CIS AWS 5.4 | *not covered* |", text, StringComparison.Ordinal);
        Assert.Contains("| DORA Art. 5 | *not covered* |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_help_uri_is_the_anchor_of_its_section()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "policies", "RULES.md"));

        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.Equal($"{RuleCatalogDocument.PublishedAt}#{rule.Id}", rule.HelpUri);
            Assert.Contains($"\n## {rule.Id}\n", text, StringComparison.Ordinal);
        });
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
