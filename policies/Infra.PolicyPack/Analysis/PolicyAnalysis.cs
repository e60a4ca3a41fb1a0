using Infra.Policies.Evaluation;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// Runs the library's rules for the two analyses, through the library's <see cref="RuleRunner"/> (the nightly evaluator's
/// too: enforcement levels, a rule's failure as a finding), and turns findings into the engine's diagnostics. <c>Analyze</c>
/// sees one resource (and its provider), so it runs the rules that judge a resource on its own; <c>AnalyzeStack</c>
/// runs the rules that need the whole stack (<see cref="RuleScope.Stack"/>), so no finding is reported twice.
/// A rule sees unknown values as <see cref="PropertyKind.Unknown"/> and reports nothing it cannot decide; that
/// silence is written to the debug log with the unknown paths. Rules see the plaintext of secrets but those that judge
/// secrecy (<see cref="PolicyPackDefinition.JudgesSecrecy"/>); no diagnostic or log line shows a secret's plaintext.
/// </summary>
internal sealed partial class PolicyAnalysis(TimeProvider clock, ILogger<PolicyAnalysis> logger)
{
    public AnalyzeResponse AnalyzeResource(PolicyResource resource, RuleInput input, PackConfiguration configuration, CancellationToken cancellation)
    {
        var context = configuration.ContextFor(resource.Urn, clock);
        var runner = Runner(input, context, RuleSubject.Of(resource));
        var response = new AnalyzeResponse();
        foreach (var enforced in RuleRunner.Enforce(PolicyPackDefinition.Rules, configuration.LevelOf))
        {
            if (enforced.Rule.Scope != RuleScope.Resource || !enforced.Rule.AppliesTo(resource.Type))
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();
            var run = runner.Run(enforced);
            LogIfFailed(run, resource.Urn, input.Secrets);
            var before = response.Diagnostics.Count;
            foreach (var finding in run.Findings)
            {
                // The provider is in the set only for lookups; its own findings come from its own Analyze call.
                if (finding.Urn == resource.Urn)
                {
                    response.Diagnostics.Add(Diagnostic(run, finding, input.Secrets));
                }
            }

            if (response.Diagnostics.Count == before)
            {
                LogIfUndecided(run.Rule, resource);
            }
        }

        return response;
    }

    public AnalyzeResponse AnalyzeStack(RuleInput input, PackConfiguration configuration, CancellationToken cancellation)
    {
        var resources = input.Resources;
        var response = new AnalyzeResponse();
        if (resources.Count == 0)
        {
            return response;
        }

        var subject = resources.FirstOrDefault(r => r.Type == "pulumi:pulumi:Stack") ?? resources[0];
        var context = configuration.ContextFor(subject.Urn, clock);
        var stackRules = RuleRunner.Enforce(PolicyPackDefinition.Rules.Where(r => r.Scope == RuleScope.Stack), configuration.LevelOf);

        // The runner runs the rules in parallel, as in the nightly evaluator, and keeps the catalog's order.
        foreach (var run in Runner(input, context, RuleSubject.Of(subject)).RunAll(stackRules, cancellation))
        {
            LogIfFailed(run, subject.Urn, input.Secrets);
            response.Diagnostics.AddRange(run.Findings.Select(f => Diagnostic(run, f, input.Secrets)));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var flagged = run.Findings.Select(f => f.Urn).ToHashSet(StringComparer.Ordinal);
                foreach (var resource in resources.Where(r => run.Rule.AppliesTo(r.Type) && !flagged.Contains(r.Urn)))
                {
                    LogIfUndecided(run.Rule, resource);
                }
            }
        }

        return response;
    }

    /// <summary>
    /// The shared runner of the library (<see cref="RuleRunner"/>): a rule that throws becomes a finding at its level, as in
    /// the nightly run. A rule that judges secrecy sees the secrets opaque, every other rule their plaintext.
    /// </summary>
    private static RuleRunner Runner(RuleInput input, PolicyContext context, RuleSubject failureSubject) =>
        new(rule => PolicyPackDefinition.JudgesSecrecy(rule) ? input.OpaqueSecrets : input.Resources, context, failureSubject);

    /// <summary>An exception's message may quote a value: with secrets in the request, it is logged redacted and without the exception.</summary>
    private void LogIfFailed(RuleRun run, string subjectUrn, SecretValues secrets)
    {
        if (run.Failure is not { } e)
        {
            return;
        }

        if (secrets.Any)
        {
            LogRuleFailedRedacted(logger, run.Rule.Id, subjectUrn, secrets.Redact($"{e.GetType().Name}: {e.Message}"));
        }
        else
        {
            LogRuleFailed(logger, e, run.Rule.Id, subjectUrn);
        }
    }

    /// <summary>Every finding's message, a rule failure's too, is redacted here: no diagnostic shows a secret's plaintext.</summary>
    private static AnalyzeDiagnostic Diagnostic(RuleRun run, RuleFinding finding, SecretValues secrets) => new()
    {
        PolicyName = run.Rule.Id,
        PolicyPackName = PolicyPackDefinition.Name,
        PolicyPackVersion = PolicyPackDefinition.Version,
        Description = run.Rule.Title,
        Message = secrets.Redact($"{finding.Message}\n{run.Rule.Remediation}"),
        EnforcementLevel = ProtocolEnums.ToProtocol(run.Level),
        Urn = finding.Urn,
        Severity = ProtocolEnums.ToProtocol(run.Rule.Severity),
    };

    private void LogIfUndecided(PolicyRule rule, PolicyResource resource)
    {
        if (logger.IsEnabled(LogLevel.Debug) && UnknownValues.PathsOf(resource) is { Count: > 0 } paths)
        {
            LogUndecided(logger, rule.Id, resource.Urn, paths);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Rule} reported nothing for {Urn}, which holds values unknown until the update (or assets and resource references): {Paths}; the rule judges known values only")]
    private static partial void LogUndecided(ILogger logger, string rule, string urn, IReadOnlyList<string> paths);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Rule} failed on {Urn}; reported as a finding")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, string rule, string urn);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Rule} failed on {Urn}; reported as a finding ({Failure})")]
    private static partial void LogRuleFailedRedacted(ILogger logger, string rule, string urn, string failure);
}

/// <summary>
/// The resources of one call as the rules see them: <see cref="Resources"/> with secrets as plaintext, and
/// <see cref="OpaqueSecrets"/> with each secret opaque (the same set when the call holds no secret).
/// </summary>
internal sealed record RuleInput(ResourceSet Resources, ResourceSet OpaqueSecrets, SecretValues Secrets);
