using Infra.Blueprints.Definition;
using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Encryption;
using Infra.Policies.Rules.Secrets;
using static Infra.Policies.Tests.Support.Fixture;

namespace Infra.Policies.Tests.Evaluation;

/// <summary>
/// The runner the nightly evaluator and the policy pack share: which rules run and at which level, what each one found,
/// and what a rule that throws becomes.
/// </summary>
public sealed class RuleRunnerTests
{
    private const string KmsKey = "aws:kms/key:Key";

    private static readonly PolicyRule Rotation = RuleCatalog.Find(KmsKeyRotationRule.Code)!;
    private static readonly PolicyRule DeletionWindow = RuleCatalog.Find(KmsKeyDeletionWindowRule.Code)!;
    private static readonly PolicyRule Credentials = RuleCatalog.Find(CredentialsAreSecretsRule.Code)!;

    private static readonly ResourceSet Keys = new(
    [
        Resource(KmsKey, "data", """{"enableKeyRotation":false,"deletionWindowInDays":7}"""),
        Resource(KmsKey, "backup", """{"enableKeyRotation":true,"deletionWindowInDays":30}"""),
    ]);

    private static readonly RuleSubject Stack = new(StackUrn(), "pulumi:pulumi:Stack");

    private static RuleRunner Runner(ResourceSet resources) => new(resources, Context(EnvironmentKind.Production), Stack);

    [Fact]
    public void A_disabled_rule_does_not_run_and_the_others_keep_their_order_and_level()
    {
        var levels = new Dictionary<PolicyRule, EnforcementLevel>
        {
            [Rotation] = EnforcementLevel.Advisory,
            [Credentials] = EnforcementLevel.Disabled,
            [DeletionWindow] = EnforcementLevel.Mandatory,
        };

        var enforced = RuleRunner.Enforce([Rotation, Credentials, DeletionWindow], rule => levels[rule]);

        Assert.Equal([new EnforcedRule(Rotation, EnforcementLevel.Advisory), new EnforcedRule(DeletionWindow, EnforcementLevel.Mandatory)], enforced);
    }

    [Fact]
    public void A_run_holds_the_rules_findings_at_its_level()
    {
        var run = Runner(Keys).Run(new EnforcedRule(Rotation, EnforcementLevel.Advisory));

        Assert.Equal(EnforcementLevel.Advisory, run.Level);
        Assert.Null(run.Failure);
        var finding = Assert.Single(run.Findings);
        Assert.Equal(UrnOf(KmsKey, "data"), finding.Urn);
        Assert.Equal(KmsKeyRotationRule.Code, finding.RuleId);
    }

    [Fact]
    public void A_rule_that_throws_is_one_finding_on_the_failure_subject_and_hands_back_the_exception()
    {
        var run = Runner(Keys).Run(new EnforcedRule(new ThrowingRule(), EnforcementLevel.Mandatory));

        var finding = Assert.Single(run.Findings);
        Assert.Equal(new RuleFinding(ThrowingRule.Code, StackUrn(), "pulumi:pulumi:Stack", "the rule could not be evaluated (InvalidOperationException: boom)"), finding);
        Assert.Equal(EnforcementLevel.Mandatory, run.Level);
        Assert.IsType<InvalidOperationException>(run.Failure);
    }

    [Fact]
    public void Running_all_keeps_the_rules_order_and_a_failure_hides_no_other_result()
    {
        var rules = RuleRunner.Enforce([Rotation, new ThrowingRule(), DeletionWindow], _ => EnforcementLevel.Mandatory);

        var runs = Runner(Keys).RunAll(rules);

        Assert.Equal([KmsKeyRotationRule.Code, ThrowingRule.Code, KmsKeyDeletionWindowRule.Code], runs.Select(r => r.Rule.Id));
        Assert.Single(runs[0].Findings);
        Assert.NotNull(runs[1].Failure);
        Assert.Single(runs[2].Findings);
    }

    [Fact]
    public void The_rules_that_judge_the_most_resources_start_first_and_equals_keep_the_catalogs_order()
    {
        var resources = new ResourceSet([.. Keys, Resource("aws:s3/bucketV2:BucketV2", "logs", "{}")]);
        var rules = RuleRunner.Enforce([Rotation, new ThrowingRule(), Credentials, DeletionWindow], _ => EnforcementLevel.Mandatory);

        var order = Runner(resources).HeaviestFirst(rules);

        // Credentials judges every resource (type "*"), the three others the two keys.
        Assert.Equal([2, 0, 1, 3], order);
    }

    [Fact]
    public void Each_rule_judges_the_resources_given_for_it()
    {
        var runner = new RuleRunner(rule => rule == Rotation ? Keys : ResourceSet.Empty, Context(EnvironmentKind.Production), Stack);

        var runs = runner.RunAll(RuleRunner.Enforce([Rotation, DeletionWindow], _ => EnforcementLevel.Mandatory));

        Assert.Single(runs[0].Findings);
        Assert.Empty(runs[1].Findings);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Runner(Keys).RunAll(RuleRunner.Enforce([Rotation], _ => EnforcementLevel.Mandatory), cancellation.Token));
    }

    private sealed class ThrowingRule : PolicyRule
    {
        public const string Code = "test-throwing-rule";

        public override string Id => Code;

        public override string Title => "Throws";

        public override RuleSeverity Severity => RuleSeverity.Low;

        public override IReadOnlyList<string> ResourceTypes { get; } = [KmsKey];

        public override string Rationale => "A test double.";

        public override string Remediation => "None.";

        public override IReadOnlyList<string> Frameworks { get; } = ["none"];

        protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context) =>
            throw new InvalidOperationException("boom");
    }
}
