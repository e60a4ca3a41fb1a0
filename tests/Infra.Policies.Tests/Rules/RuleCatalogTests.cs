using System.Reflection;
using System.Text.RegularExpressions;
using Infra.Policies.Rules;

namespace Infra.Policies.Tests.Rules;

/// <summary>
/// The catalog holds every rule class of the library once (registration is checked by reflection, so a new rule cannot
/// be silently left out), its metadata is complete and its ids are stable kebab-case constants.
/// </summary>
public sealed partial class RuleCatalogTests
{
    [Fact]
    public void The_catalog_holds_at_least_100_rules()
    {
        Assert.True(RuleCatalog.All.Count >= 100, $"{RuleCatalog.All.Count} rules");
    }

    [Fact]
    public void Every_rule_class_of_the_library_is_in_the_catalog()
    {
        var registered = RuleCatalog.All.Select(r => r.GetType()).ToHashSet();

        var missing = RuleClasses().Where(t => !registered.Contains(t)).Select(t => t.FullName);

        Assert.Empty(missing);
    }

    [Fact]
    public void The_catalog_holds_each_rule_class_once_and_nothing_else()
    {
        var classes = RuleClasses().ToHashSet();

        var duplicates = RuleCatalog.All.GroupBy(r => r.GetType()).Where(g => g.Count() > 1).Select(g => g.Key.FullName);
        var foreign = RuleCatalog.All.Select(r => r.GetType()).Where(t => !classes.Contains(t)).Select(t => t.FullName);

        Assert.Empty(duplicates);
        Assert.Empty(foreign);
    }

    [Fact]
    public void Every_rule_id_is_its_Code_constant()
    {
        Assert.All(RuleCatalog.All, rule =>
        {
            var code = rule.GetType().GetField("Code", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
            Assert.True(code is { IsLiteral: true }, $"{rule.GetType().Name} has no public const string Code");
            Assert.Equal(code.GetRawConstantValue(), rule.Id);
        });
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

    private static IEnumerable<Type> RuleClasses() =>
        typeof(PolicyRule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PolicyRule)) && !t.IsAbstract);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex KebabCase();
}
