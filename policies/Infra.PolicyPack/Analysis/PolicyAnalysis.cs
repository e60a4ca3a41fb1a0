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
/// silence is written to the debug log with the unknown paths.
/// </summary>
internal sealed partial class PolicyAnalysis(TimeProvider clock, ILogger<PolicyAnalysis> logger)
{
    public AnalyzeResponse AnalyzeResource(PolicyResource resource, PolicyResource? provider, PackConfiguration configuration, CancellationToken cancellation)
    {
        var resources = new ResourceSet(provider is null || provider.Urn == resource.Urn ? [resource] : [resource, provider]);
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
            foreach (var finding in Run(rule, resources, context, resource.Urn))
            {
                // The provider is in the set only for lookups; its own findings come from its own Analyze call.
                if (finding.Urn == resource.Urn)
                {
                    response.Diagnostics.Add(Diagnostic(rule, level, finding));
                }
            }

            if (response.Diagnostics.Count == before)
            {
                LogIfUndecided(rule, resource);
            }
        }

        return response;
    }

    public AnalyzeResponse AnalyzeStack(ResourceSet resources, PackConfiguration configuration, CancellationToken cancellation)
    {
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
            .Select(r => Run(r.Rule, resources, context, subject))
            .ToList();
        for (var i = 0; i < active.Count; i++)
        {
            var (rule, level) = active[i];
            response.Diagnostics.AddRange(findings[i].Select(f => Diagnostic(rule, level, f)));
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
    private List<RuleFinding> Run(PolicyRule rule, ResourceSet resources, PolicyContext context, string subjectUrn)
    {
        try
        {
            return [.. rule.Evaluate(resources, context)];
        }
#pragma warning disable CA1031 // Any exception of a rule is reported as that rule's finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRuleFailed(logger, e, rule.Id, subjectUrn);
            return [new RuleFinding(rule.Id, subjectUrn, "", $"the rule could not be evaluated ({e.GetType().Name}: {e.Message})")];
        }
    }

    private static AnalyzeDiagnostic Diagnostic(PolicyRule rule, EnforcementLevel level, RuleFinding finding) => new()
    {
        PolicyName = rule.Id,
        PolicyPackName = PolicyPackDefinition.Name,
        PolicyPackVersion = PolicyPackDefinition.Version,
        Description = rule.Title,
        Message = $"{finding.Message}\n{rule.Remediation}",
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
}
