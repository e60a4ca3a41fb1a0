using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.PolicyPack.Grpc;
using Infra.PolicyPack.Protocol;
using EnforcementLevel = Infra.Policies.Rules.EnforcementLevel;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The Analyzer service's methods as the engine calls them (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go):
/// Handshake, ConfigureStack, GetAnalyzerInfo, Configure, then Analyze per resource and AnalyzeStack at the end;
/// Cancel when the engine shuts down. Remediate answers Unimplemented, which the engine skips.
/// </summary>
internal sealed partial class AnalyzerService(PackState state, PolicyAnalysis analysis, IHostApplicationLifetime lifetime, ILogger<AnalyzerService> logger)
{
    public IReadOnlyDictionary<string, UnaryGrpcService.Handler> Handlers() => new Dictionary<string, UnaryGrpcService.Handler>(StringComparer.Ordinal)
    {
        ["Handshake"] = (request, _) => Answer(Handshake((AnalyzerHandshakeRequest)request)),
        ["ConfigureStack"] = (request, _) => Answer(ConfigureStack((AnalyzerStackConfigureRequest)request)),
        ["GetPluginInfo"] = (_, _) => Answer(new PluginInfo { Version = PolicyPackDefinition.Version }),
        ["GetAnalyzerInfo"] = (_, _) => Answer(AnalyzerInfo()),
        ["Configure"] = (request, _) => Answer(Configure((ConfigureAnalyzerRequest)request)),
        ["Analyze"] = (request, cancellation) => Analyze((AnalyzeRequest)request, cancellation),
        ["AnalyzeStack"] = (request, cancellation) => AnalyzeStack((AnalyzeStackRequest)request, cancellation),
        ["Remediate"] = (_, _) => throw new GrpcException(GrpcStatusCode.Unimplemented, "this policy pack reports violations and rewrites no resource"),
        ["Cancel"] = (_, _) => Answer(Cancel()),
    };

    private AnalyzerHandshakeResponse Handshake(AnalyzerHandshakeRequest request)
    {
        LogHandshake(logger, request.EngineAddress, request.HasRootDirectory ? request.RootDirectory : "", request.HasProgramDirectory ? request.ProgramDirectory : "");
        return new AnalyzerHandshakeResponse();
    }

    private AnalyzerStackConfigureResponse ConfigureStack(AnalyzerStackConfigureRequest request)
    {
        if (request.Stack.Length == 0)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "'stack' is required");
        }

        state.Update(c => c with { Stack = request.Stack });
        LogStack(logger, request.Organization, request.Project, request.Stack, request.DryRun);
        return new AnalyzerStackConfigureResponse();
    }

    private AnalyzerInfo AnalyzerInfo()
    {
        var configuration = state.Configuration;
        var info = new AnalyzerInfo
        {
            Name = PolicyPackDefinition.Name,
            DisplayName = PolicyPackDefinition.DisplayName,
            Version = PolicyPackDefinition.Version,
            Description = "The platform's security and compliance rules, the same rule objects as the nightly compliance run.",
            SupportsConfig = true,
        };
        foreach (var rule in PolicyPackDefinition.Rules)
        {
            var level = ProtocolEnums.ToProtocol(configuration.LevelOf(rule));
            info.Policies.Add(new PolicyInfo
            {
                Name = rule.Id,
                DisplayName = rule.Title,
                Description = $"{rule.Title}. {rule.Rationale}",
                Message = rule.Remediation,
                RemediationSteps = rule.Remediation,
                EnforcementLevel = level,
                ConfigSchema = RuleSettings.SchemaOf(rule.Id),
                PolicyType = rule.Scope == RuleScope.Stack ? PolicyType.Stack : PolicyType.Resource,
                Severity = ProtocolEnums.ToProtocol(rule.Severity),
                Tags = { rule.Frameworks },
            });
            info.InitialConfig[rule.Id] = new PolicyConfig { EnforcementLevel = ProtocolEnums.ToProtocol(rule.DefaultEnforcement) };
        }

        return info;
    }

    /// <summary>
    /// Levels and settings per policy, as the engine resolved them from <c>--policy-pack-config</c>. The whole request is
    /// checked before anything changes: a bad entry leaves the previous configuration in force.
    /// </summary>
    private Empty Configure(ConfigureAnalyzerRequest request)
    {
        var levels = new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal);
        var settings = new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<string>)>>(StringComparer.Ordinal);
        foreach (var (policy, config) in request.PolicyConfig)
        {
            if (PolicyPackDefinition.Rules.All(r => r.Id != policy))
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument, $"'{policy}' is not a policy of {PolicyPackDefinition.Name}");
            }

            levels[policy] = ProtocolEnums.FromProtocol(config.EnforcementLevel, policy);
            settings[policy] = RuleSettings.Read(policy, config.Properties);
        }

        state.Update(c => c with { Levels = levels, Settings = settings });
        LogConfigured(logger, levels.Count);
        return new Empty();
    }

    private Task<IMessage> Analyze(AnalyzeRequest request, CancellationToken cancellation)
    {
        var resource = PropertyStructReader.Resource(request);
        var provider = PropertyStructReader.Provider(request.Provider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, state.Cancellation);
        return Answer(analysis.AnalyzeResource(resource, provider, state.Configuration, linked.Token));
    }

    /// <summary>All resources with their parents and dependencies; providers the engine names but did not list are added for lookups.</summary>
    private Task<IMessage> AnalyzeStack(AnalyzeStackRequest request, CancellationToken cancellation)
    {
        var resources = new List<PolicyResource>(request.Resources.Count);
        var urns = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Resources.Count; i++)
        {
            var resource = PropertyStructReader.Resource(request.Resources[i], i);
            resources.Add(resource);
            urns.Add(resource.Urn);
        }

        foreach (var item in request.Resources)
        {
            if (PropertyStructReader.Provider(item.Provider) is { } provider && urns.Add(provider.Urn))
            {
                resources.Add(provider);
            }
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, state.Cancellation);
        return Answer(analysis.AnalyzeStack(new ResourceSet(resources), state.Configuration, linked.Token));
    }

    /// <summary>The engine is going away: stop work in flight, answer, then shut down gracefully.</summary>
    private Empty Cancel()
    {
        LogCancel(logger);
        state.Cancel();
        lifetime.StopApplication();
        return new Empty();
    }

    private static Task<IMessage> Answer(IMessage message) => Task.FromResult(message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handshake from the engine at {EngineAddress} (root {RootDirectory}, program {ProgramDirectory})")]
    private static partial void LogHandshake(ILogger logger, string engineAddress, string rootDirectory, string programDirectory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stack {Organization}/{Project}/{Stack} (preview: {DryRun})")]
    private static partial void LogStack(ILogger logger, string organization, string project, string stack, bool dryRun);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Configured {Count} policies")]
    private static partial void LogConfigured(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel from the engine: shutting down")]
    private static partial void LogCancel(ILogger logger);
}
