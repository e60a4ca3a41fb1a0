using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Waivers;
using Infra.Policies.Tests.Support;

namespace Infra.Policies.Tests.Rules;

/// <summary>Every rule flags its failing fixtures and passes its passing ones.</summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string> Violating => [.. RuleFixtures.Cases.Where(c => c.Value.Violates).Select(c => c.Key)];

    public static TheoryData<string> Passing => [.. RuleFixtures.Cases.Where(c => !c.Value.Violates).Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(Violating))]
    public void Failing_fixture_violates_its_rule(string name)
    {
        var fixture = RuleFixtures.Cases[name];

        var findings = Evaluate(fixture);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(fixture.RuleId, f.RuleId));
        if (fixture.MessagePart is { } part)
        {
            Assert.Contains(findings, f => f.Message.Contains(part, StringComparison.Ordinal));
        }
        if (fixture.PropertyPath is { } path)
        {
            Assert.Contains(path, findings.Select(f => f.PropertyPath));
        }
    }

    [Theory]
    [MemberData(nameof(Passing))]
    public void Passing_fixture_complies_with_its_rule(string name)
    {
        var findings = Evaluate(RuleFixtures.Cases[name]);

        Assert.Empty(findings);
    }

    /// <summary>
    /// Findings name the property to change (<c>ingress[2].cidrBlocks[0]</c>), which reports map to the line. Exempt are the
    /// rules whose finding is about the resource as a whole: a missing companion resource (bucket settings, key policy,
    /// paging alarms, a second region or audit device), where it sits in the stack, or a preview step.
    /// </summary>
    private static readonly string[] RulesWithoutPropertyPaths =
    [
        "aws-s3-bucket-public-access-block", "aws-s3-bucket-kms-encryption", "aws-s3-bucket-versioning-enabled", "aws-s3-bucket-tls-only",
        "aws-securityhub-cis-and-pci-standards", "aws-iam-access-analyzer-external-access",
        "monitoring-production-service-pages-on-slos", "stack-production-database-secondary-region", "stack-no-resource-outside-components",
        "state-secrets-provider-kms", "vault-audit-two-devices", "kafka-topic-no-unmarked-destruction",
    ];

    [Fact]
    public void Failing_fixtures_point_at_a_property()
    {
        var exempt = RulesWithoutPropertyPaths.ToHashSet(StringComparer.Ordinal);

        var withoutPath = RuleFixtures.Cases.Where(c => c.Value.Violates && !exempt.Contains(c.Value.RuleId))
            .Where(c => Evaluate(c.Value).Any(f => string.IsNullOrEmpty(f.PropertyPath)))
            .Select(c => $"{c.Value.RuleId}: {c.Key}")
            .ToList();

        Assert.Empty(withoutPath);
    }

    [Fact]
    public void Every_rule_has_a_passing_and_a_failing_fixture()
    {
        var resourceRules = RuleCatalog.All.Where(r => r is not ExpiredWaiverRule and not UnusedWaiverRule).Select(r => r.Id);

        var missing = resourceRules
            .Where(id => !RuleFixtures.Cases.Values.Any(c => c.RuleId == id && c.Violates) || !RuleFixtures.Cases.Values.Any(c => c.RuleId == id && !c.Violates))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Fixtures_sit_in_the_category_of_their_rule()
    {
        var misplaced = RuleFixtures.Categories
            .SelectMany(c => c.Cases.Where(f => RuleCatalog.Find(f.Value.RuleId)?.GetType().Namespace != $"Infra.Policies.Rules.{c.Category}")
                .Select(f => $"{c.Category}: {f.Key}"))
            .ToList();

        Assert.Empty(misplaced);
    }

    private static List<RuleFinding> Evaluate(RuleCase fixture)
    {
        var rule = RuleCatalog.Find(fixture.RuleId);
        Assert.NotNull(rule);
        var resources = new ResourceSet(fixture.Resources) { DestructiveSteps = fixture.Steps ?? [], SecretsProvider = fixture.SecretsProvider };
        return [.. rule.Evaluate(resources, Fixture.Context(fixture.Environment))];
    }
}
