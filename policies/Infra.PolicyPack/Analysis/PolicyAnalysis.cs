using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.PolicyPack.Protocol;
using EnforcementLevel = Infra.Policies.Rules.EnforcementLevel;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// Runs the library's rules for the two analyses and turns findings into the engine's diagnostics. <c>Analyze</c>
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
        var response = new AnalyzeResponse();
        foreach (var rule in PolicyPackDefinition.Rules)
        {
            var level = configuration.LevelOf(rule);
            if (rule.Scope != RuleScope.Resource || level == EnforcementLevel.Disabled || !rule.AppliesTo(resource.Type))
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();
            var before = response.Diagnostics.Count;
            foreach (var finding in Run(rule, input, context, resource.Urn))
            {
                // The provider is in the set only for lookups; its own findings come from its own Analyze call.
                if (finding.Urn == resource.Urn)
                {
                    response.Diagnostics.Add(Diagnostic(rule, level, finding, input.Secrets));
                }
            }

            if (response.Diagnostics.Count == before)
            {
                LogIfUndecided(rule, resource);
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

        var subject = resources.FirstOrDefault(r => r.Type == "pulumi:pulumi:Stack")?.Urn ?? resources[0].Urn;
        var context = configuration.ContextFor(subject, clock);
        var active = PolicyPackDefinition.Rules
            .Where(r => r.Scope == RuleScope.Stack)
            .Select(r => (Rule: r, Level: configuration.LevelOf(r)))
            .Where(r => r.Level != EnforcementLevel.Disabled)
            .ToList();

        // Rules are pure functions of a read-only resource set (as in the nightly evaluator): run them in parallel, keep the catalog's order.
        var findings = active
            .AsParallel()
            .AsOrdered()
            .WithCancellation(cancellation)
            .Select(r => Run(r.Rule, input, context, subject))
            .ToList();
        for (var i = 0; i < active.Count; i++)
        {
            var (rule, level) = active[i];
            response.Diagnostics.AddRange(findings[i].Select(f => Diagnostic(rule, level, f, input.Secrets)));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var flagged = findings[i].Select(f => f.Urn).ToHashSet(StringComparer.Ordinal);
                foreach (var resource in resources.Where(r => rule.AppliesTo(r.Type) && !flagged.Contains(r.Urn)))
                {
                    LogIfUndecided(rule, resource);
                }
            }
        }

        return response;
    }

    /// <summary>A rule that throws must not hide the other rules' results: its failure becomes a finding at its level, as in the nightly run.</summary>
    private List<RuleFinding> Run(PolicyRule rule, RuleInput input, PolicyContext context, string subjectUrn)
    {
        try
        {
            return [.. rule.Evaluate(PolicyPackDefinition.JudgesSecrecy(rule) ? input.OpaqueSecrets : input.Resources, context)];
        }
#pragma warning disable CA1031 // Any exception of a rule is reported as that rule's finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // An exception's message may quote a value: with secrets in the request, it is logged redacted and without the exception.
            var failure = input.Secrets.Redact($"{e.GetType().Name}: {e.Message}");
            if (input.Secrets.Any)
            {
                LogRuleFailedRedacted(logger, rule.Id, subjectUrn, failure);
            }
            else
            {
                LogRuleFailed(logger, e, rule.Id, subjectUrn);
            }

            return [new RuleFinding(rule.Id, subjectUrn, "", $"the rule could not be evaluated ({failure})")];
        }
    }

    private static AnalyzeDiagnostic Diagnostic(PolicyRule rule, EnforcementLevel level, RuleFinding finding, SecretValues secrets) => new()
    {
        PolicyName = rule.Id,
        PolicyPackName = PolicyPackDefinition.Name,
        PolicyPackVersion = PolicyPackDefinition.Version,
        Description = rule.Title,
        Message = secrets.Redact($"{finding.Message}\n{rule.Remediation}"),
        EnforcementLevel = ProtocolEnums.ToProtocol(level),
        Urn = finding.Urn,
        Severity = ProtocolEnums.ToProtocol(rule.Severity),
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
