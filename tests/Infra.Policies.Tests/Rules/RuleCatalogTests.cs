using System.Text.RegularExpressions;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules;

/// <summary>The catalog's metadata is complete and its ids are stable kebab-case.</summary>
public sealed partial class RuleCatalogTests
{
    [Fact]
    public void The_catalog_holds_at_least_35_rules()
    {
        Assert.True(RuleCatalog.All.Count >= 35, $"{RuleCatalog.All.Count} rules");
    }

    [Fact]
    public void Rule_ids_are_unique_kebab_case()
    {
        Assert.All(RuleCatalog.All, r => Assert.Matches(KebabCase(), r.Id));
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Every_rule_has_title_rationale_remediation_and_frameworks()
    {
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Rationale), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Remediation), r.Id);
            Assert.NotEmpty(r.Frameworks);
        });
    }

    [Theory]
    [InlineData("m7i.large", "m7i")]
    [InlineData("db.r7g.2xlarge", "r7g")]
    [InlineData("t4g", "t4g")]
    public void Instance_family_is_read_from_the_type(string type, string family)
    {
        Assert.Equal(family, Infra.Policies.Rules.Compute.AllowedInstanceFamiliesRule.FamilyOf(type));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex KebabCase();
}
