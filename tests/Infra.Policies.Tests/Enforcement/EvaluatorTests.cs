using Infra.Blueprints.Definition;
using Infra.Policies.Enforcement;
using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Databases;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.LoadBalancing;
using Infra.Policies.Rules.Waivers;
using Infra.Policies.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Enforcement;

/// <summary>Enforcement levels, waivers and the baseline decide which violations fail the run.</summary>
public sealed class EvaluatorTests
{
    private const string KmsKey = "aws:kms/key:Key";
    private const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";

    private static readonly ComplianceEvaluator Evaluator = new(new FakeTimeProvider(Now));

    private static ResourceSet Resources(string stack = "production") => new(
    [
        Resource(KmsKey, "data", $$"""{"enableKeyRotation":false,"tags":{{GoodTags.Replace("production", stack, StringComparison.Ordinal)}}}""", stack: stack),
        Resource(KmsKey, "backup", $$"""{"enableKeyRotation":false,"tags":{{GoodTags.Replace("production", stack, StringComparison.Ordinal)}}}""", stack: stack),
        Resource(LoadBalancer, "internal", $$"""{"loadBalancerType":"network","tags":{{GoodTags.Replace("production", stack, StringComparison.Ordinal)}}}""", stack: stack),
    ]);

    [Fact]
    public void A_mandatory_violation_fails_the_run()
    {
        var report = Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production));

        Assert.True(report.HasFailures);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(2, report.Violations.Count(v => v.RuleId == KmsKeyRotationRule.Code && v.Fails));
        Assert.Equal(Now, report.EvaluatedAt);
        Assert.Equal(3, report.ResourceCount);
    }

    [Fact]
    public void Advisory_violations_alone_pass_the_run()
    {
        var resources = new ResourceSet([Resource("aws:rds/cluster:Cluster", "ledger-db",
            """{"storageEncrypted":true,"backupRetentionPeriod":35,"deletionProtection":true,"deleteAutomatedBackups":false,"globalClusterIdentifier":"ledger","iamDatabaseAuthenticationEnabled":false,"copyTagsToSnapshot":true,"enabledCloudwatchLogsExports":["postgresql"],"kmsKeyId":"arn:aws:kms:eu-west-3:444455556666:key/4d2a"}""")]);
        var enforcement = EnforcementPolicy.Parse("stacks:\n  production:\n    stack-production-database-secondary-region: disabled\n    governance-mandatory-tags: disabled\n", "enforcement.yaml", RuleCatalog.All);

        var report = Evaluator.Evaluate(resources, Context(EnvironmentKind.Production), new EvaluationOptions { Enforcement = enforcement });

        var violation = Assert.Single(report.Violations);
        Assert.Equal(RdsIamAuthenticationRule.Code, violation.RuleId);
        Assert.Equal(ViolationOutcome.Advisory, violation.Outcome);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void A_stack_override_makes_a_rule_advisory_in_that_stack_only()
    {
        var enforcement = EnforcementPolicy.Parse("""
            rules:
              aws-lb-access-logs-enabled: mandatory
            stacks:
              staging:
                aws-kms-key-rotation-enabled: advisory
            """, "enforcement.yaml", RuleCatalog.All);
        var options = new EvaluationOptions { Enforcement = enforcement };

        var staging = Evaluator.Evaluate(Resources("staging"), Context(EnvironmentKind.Staging), options);
        var production = Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production), options);

        Assert.All(staging.Violations.Where(v => v.RuleId == KmsKeyRotationRule.Code), v => Assert.Equal(ViolationOutcome.Advisory, v.Outcome));
        Assert.All(production.Violations.Where(v => v.RuleId == KmsKeyRotationRule.Code), v => Assert.Equal(ViolationOutcome.Failing, v.Outcome));
        Assert.Contains(staging.Violations, v => v.RuleId == LbAccessLogsRule.Code && v.Fails);
    }

    [Fact]
    public void A_disabled_rule_is_not_run()
    {
        var enforcement = EnforcementPolicy.Parse("rules:\n  aws-kms-key-rotation-enabled: disabled\n", "enforcement.yaml", RuleCatalog.All);

        var report = Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production), new EvaluationOptions { Enforcement = enforcement });

        Assert.DoesNotContain(report.Violations, v => v.RuleId == KmsKeyRotationRule.Code);
        Assert.DoesNotContain(report.Rules, r => r.Rule.Id == KmsKeyRotationRule.Code);
    }

    [Fact]
    public void A_valid_waiver_excuses_the_violation()
    {
        var report = EvaluateWithWaivers($"""
            waivers:
              - rule: aws-kms-key-rotation-enabled
                resource: "{UrnOf(KmsKey, "data")}"
                justification: CHG-10400 key replaced by the new CMK next sprint
                approver: adupont
                expires: 2026-12-15
            """);

        var waived = Assert.Single(report.Violations, v => v.Outcome == ViolationOutcome.Waived);
        Assert.Equal(UrnOf(KmsKey, "data"), waived.Urn);
        Assert.Equal("adupont", waived.Waiver!.Approver);
        Assert.Contains(report.Violations, v => v.Urn == UrnOf(KmsKey, "backup") && v.Fails);
        Assert.DoesNotContain(report.Violations, v => v.RuleId.StartsWith("policy-waiver", StringComparison.Ordinal));
    }

    [Fact]
    public void A_glob_waiver_covers_every_matching_resource()
    {
        var report = EvaluateWithWaivers("""
            waivers:
              - rule: aws-kms-key-rotation-enabled
                resource: "urn:pulumi:production::infra::*aws:kms/key:Key::*"
                justification: CHG-10400 keys replaced next sprint
                approver: adupont
                expires: 2026-11-22
            """);

        Assert.Equal(2, report.Violations.Count(v => v.RuleId == KmsKeyRotationRule.Code && v.Outcome == ViolationOutcome.Waived));
        Assert.DoesNotContain(report.Violations, v => v.RuleId == KmsKeyRotationRule.Code && v.Fails);
    }

    [Fact]
    public void An_expired_waiver_waives_nothing_and_is_itself_a_violation()
    {
        var report = EvaluateWithWaivers("""
            waivers:
              - rule: aws-kms-key-rotation-enabled
                resource: "urn:pulumi:production::infra::*"
                justification: CHG-10400 keys replaced next sprint
                approver: adupont
                expires: 2026-11-21
            """);

        Assert.Equal(2, report.Violations.Count(v => v.RuleId == KmsKeyRotationRule.Code && v.Fails));
        var expired = Assert.Single(report.Violations, v => v.RuleId == ExpiredWaiverRule.Code);
        Assert.True(expired.Fails);
        Assert.Equal(new SourceLocation("waivers.yaml", 2), expired.Location);
        Assert.Contains("expired on 2026-11-21", expired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unused_waiver_is_reported_without_failing()
    {
        var report = EvaluateWithWaivers("""
            waivers:
              - rule: aws-rds-storage-encrypted
                resource: "urn:pulumi:production::infra::*"
                justification: CHG-9000 migration finished long ago
                approver: lpetit
                expires: 2027-01-31
              - rule: aws-rds-storage-encrypted
                resource: "urn:pulumi:staging::infra::*"
                justification: a staging-only waiver, not this stack's business
                approver: lpetit
                expires: 2027-01-31
            """);

        var unused = Assert.Single(report.Violations, v => v.RuleId == UnusedWaiverRule.Code);
        Assert.Equal(ViolationOutcome.Advisory, unused.Outcome);
        Assert.Equal("urn:pulumi:production::infra::*", unused.Urn);
    }

    [Fact]
    public void Only_violations_missing_from_the_baseline_fail()
    {
        var first = Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production));
        var baseline = ComplianceBaseline.FromReport(first);
        var grown = new ResourceSet([.. Resources(), Resource(KmsKey, "new", $$"""{"enableKeyRotation":false,"policy":"{\"Statement\":[]}","tags":{{GoodTags}}}""")]);

        var report = Evaluator.Evaluate(grown, Context(EnvironmentKind.Production), new EvaluationOptions { Baseline = baseline });

        var failing = Assert.Single(report.Violations, v => v.Fails);
        Assert.Equal(UrnOf(KmsKey, "new"), failing.Urn);
        Assert.Equal(2, report.Violations.Count(v => v.RuleId == KmsKeyRotationRule.Code && v.Outcome == ViolationOutcome.Baselined));
    }

    [Fact]
    public void A_baseline_round_trips_and_is_keyed_on_stack_urn_and_rule()
    {
        var report = Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production));
        using var stream = new MemoryStream();
        ComplianceBaseline.FromReport(report).Write(stream);
        stream.Position = 0;

        var baseline = ComplianceBaseline.Read(stream, "baseline.json");

        Assert.True(baseline.Contains("production", UrnOf(KmsKey, "data"), KmsKeyRotationRule.Code));
        Assert.False(baseline.Contains("staging", UrnOf(KmsKey, "data"), KmsKeyRotationRule.Code));
        Assert.False(baseline.Contains("production", UrnOf(KmsKey, "data"), KmsKeyDeletionWindowRule.Code));
    }

    [Fact]
    public void A_malformed_baseline_is_reported_with_the_file()
    {
        var error = Assert.Throws<PolicyFileException>(() =>
            ComplianceBaseline.Read(new MemoryStream("""{"version":1,"violations":[{"stack":"production","urn":"x"}]}"""u8.ToArray()), "baseline.json"));

        Assert.Equal("baseline.json: error: violations[0].ruleId: missing text 'ruleId'", error.Diagnostics.Single().ToString());
    }

    [Fact]
    public void A_rule_that_throws_is_reported_and_the_other_rules_still_run()
    {
        var evaluator = new ComplianceEvaluator([new ThrowingRule(), .. RuleCatalog.All], new FakeTimeProvider(Now));

        var report = evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production));

        var broken = Assert.Single(report.Violations, v => v.RuleId == "test-throwing-rule");
        Assert.True(broken.Fails);
        Assert.Contains("InvalidOperationException: boom", broken.Message, StringComparison.Ordinal);
        Assert.Contains(report.Violations, v => v.RuleId == KmsKeyRotationRule.Code);
    }

    private static ComplianceReport EvaluateWithWaivers(string yaml) =>
        Evaluator.Evaluate(Resources(), Context(EnvironmentKind.Production),
            new EvaluationOptions { Waivers = WaiverSet.Parse(yaml, "waivers.yaml", RuleCatalog.All) });

    private sealed class ThrowingRule : PolicyRule
    {
        public override string Id => "test-throwing-rule";

        public override string Title => "Throws";

        public override RuleSeverity Severity => RuleSeverity.Low;

        public override IReadOnlyList<string> ResourceTypes { get; } = ["aws:kms/key:Key"];

        public override string Rationale => "A test double.";

        public override string Remediation => "None.";

        public override IReadOnlyList<string> Frameworks { get; } = ["none"];

        protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context) =>
            throw new InvalidOperationException("boom");
    }
}
