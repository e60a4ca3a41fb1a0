using Infra.Policies.Enforcement;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Encryption;

namespace Infra.Policies.Tests.Enforcement;

/// <summary>Mistakes in enforcement.yaml and waivers.yaml are reported with file, key path and line, all at once.</summary>
public sealed class PolicyFileTests
{
    [Theory]
    [InlineData("rules:\n  aws-kms-key-rotation: mandatory\n",
        "enforcement.yaml:2: error: rules.aws-kms-key-rotation: 'aws-kms-key-rotation' is not a rule id; did you mean 'aws-kms-key-rotation-enabled'?")]
    [InlineData("stacks:\n  staging:\n    aws-kms-key-rotation-enabled: optional\n",
        "enforcement.yaml:3: error: stacks.staging.aws-kms-key-rotation-enabled: 'optional' is not a level; allowed: advisory, mandatory, disabled")]
    [InlineData("rule:\n  aws-kms-key-rotation-enabled: advisory\n",
        "enforcement.yaml:1: error: rule: unknown key 'rule'; allowed: rules, stacks")]
    [InlineData("rules: [a, b\n", "enforcement.yaml:1: error: invalid YAML at column 8: the [list] or {mapping} opened at line 1, column 8 is not closed")]
    [InlineData("rules: {}\n---\nrules: {}\n", "enforcement.yaml:2: error: invalid YAML at column 1: a second YAML document starts here (---)")]
    [InlineData("rules: &all {}\n", "enforcement.yaml:1: error: invalid YAML at column 8: the anchor &all is not allowed")]
    public void Enforcement_file_errors_name_file_key_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<PolicyFileException>(() => EnforcementPolicy.Parse(yaml, "enforcement.yaml", RuleCatalog.All));

        Assert.StartsWith(expected, error.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Waiver_file_errors_are_all_reported()
    {
        const string yaml = """
            waivers:
              - rule: aws-kms-key-rotation-enabled
                resource: "urn:pulumi:production::infra::*"
                justification: CHG-1
                approver: adupont
                expires: 2026-13-01
              - rule: aws-kms-key-rotation-enabeld
                resource: "*"
                justification: CHG-2
                expires: 2026-12-01
            """;

        var error = Assert.Throws<PolicyFileException>(() => WaiverSet.Parse(yaml, "policies/waivers.yaml", RuleCatalog.All));

        Assert.Equal(
        [
            "policies/waivers.yaml:6: error: waivers[0].expires: '2026-13-01' is not a date; expected YYYY-MM-DD",
            "policies/waivers.yaml:7: error: waivers[1].approver: missing required key 'approver'",
            "policies/waivers.yaml:7: error: waivers[1].rule: 'aws-kms-key-rotation-enabeld' is not a rule id; did you mean 'aws-kms-key-rotation-enabled'?",
        ], error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_empty_waiver_file_has_no_waivers()
    {
        Assert.Empty(WaiverSet.Parse("waivers: []\n", "waivers.yaml", RuleCatalog.All).Waivers);
        Assert.Empty(WaiverSet.Parse("", "waivers.yaml", RuleCatalog.All).Waivers);
    }

    [Theory]
    [InlineData("urn:pulumi:production::infra::*", "production", true)]
    [InlineData("urn:pulumi:production::infra::*", "staging", false)]
    [InlineData("urn:pulumi:*::infra::*", "staging", true)]
    [InlineData("*::ledger-db", "staging", true)]
    public void A_waiver_concerns_the_stacks_its_pattern_names(string pattern, string stack, bool concerns)
    {
        var waiver = new Waiver(KmsKeyRotationRule.Code, pattern, "x", "y", new DateOnly(2026, 12, 1), "waivers.yaml", 1);

        Assert.Equal(concerns, waiver.ConcernsStack(stack));
    }

    [Fact]
    public void The_repository_policy_files_load()
    {
        var root = RepositoryRoot();

        var enforcement = EnforcementPolicy.Load(Path.Combine(root, "policies", "enforcement.yaml"), RuleCatalog.All);
        var waivers = WaiverSet.Load(Path.Combine(root, "policies", "waivers.yaml"), RuleCatalog.All);

        Assert.NotNull(enforcement);
        Assert.NotNull(waivers);
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
