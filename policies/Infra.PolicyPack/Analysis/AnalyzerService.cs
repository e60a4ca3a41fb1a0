using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Policies.Model;
using Infra.Policies.Rules;
using Infra.PolicyPack.Protocol;
using EnforcementLevel = Infra.Policies.Rules.EnforcementLevel;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The Analyzer service's methods as the engine calls them (pulumi/pulumi sdk/go/common/resource/plugin/analyzer_plugin.go):
/// Handshake, ConfigureStack, GetAnalyzerInfo, Configure, then Analyze per resource and AnalyzeStack at the end;
/// Cancel when the engine shuts down. Remediate answers Unimplemented (the base class's answer), which the engine skips.
/// Errors are <see cref="RpcException"/>s; the gRPC library frames messages and enforces their size
/// (<see cref="MaximumMessageSize"/>, set in Program.cs), and <see cref="AnalyzerBinding"/> parses the requests.
/// </summary>
internal sealed partial class AnalyzerService(PackState state, PolicyAnalysis analysis, IHostApplicationLifetime lifetime, ILogger<AnalyzerService> logger)
    : Analyzer.AnalyzerBase
{
    /// <summary>A whole stack arrives in one AnalyzeStack message; Pulumi raises gRPC's 4 MiB limit to 400 MiB (pulumi-policy server.ts).</summary>
    public const int MaximumMessageSize = 400 * 1024 * 1024;

    public override Task<AnalyzerHandshakeResponse> Handshake(AnalyzerHandshakeRequest request, ServerCallContext context)
    {
        LogHandshake(logger, request.EngineAddress, request.HasRootDirectory ? request.RootDirectory : "", request.HasProgramDirectory ? request.ProgramDirectory : "");
        return Task.FromResult(new AnalyzerHandshakeResponse());
    }

    /// <summary>The stack being previewed; an engine that sends none (an empty request) leaves the stack to the URNs.</summary>
    public override Task<AnalyzerStackConfigureResponse> ConfigureStack(AnalyzerStackConfigureRequest request, ServerCallContext context)
    {
        state.Update(c => c with { Stack = request.Stack.Length == 0 ? null : request.Stack });
        LogStack(logger, request.Organization, request.Project, request.Stack, request.DryRun);
        return Task.FromResult(new AnalyzerStackConfigureResponse());
    }

    public override Task<PluginInfo> GetPluginInfo(Empty request, ServerCallContext context) =>
        Task.FromResult(new PluginInfo { Version = PolicyPackDefinition.Version });

    public override Task<AnalyzerInfo> GetAnalyzerInfo(Empty request, ServerCallContext context) => Task.FromResult(AnalyzerInfo());

    public override Task<RemediateResponse> Remediate(AnalyzeRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "this policy pack reports violations and rewrites no resource"));

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
                Framework = ProtocolFramework.Of(rule),
                Tags = { rule.Frameworks },
                Url = rule.HelpUri,
            });
            info.InitialConfig[rule.Id] = new PolicyConfig { EnforcementLevel = ProtocolEnums.ToProtocol(rule.DefaultEnforcement) };
        }

        return info;
    }

    /// <summary>
    /// Levels and settings per policy, as the engine resolved them from <c>--policy-pack-config</c>. The whole request is
    /// checked before anything changes: a bad entry leaves the previous configuration in force.
    /// </summary>
    public override Task<Empty> Configure(ConfigureAnalyzerRequest request, ServerCallContext context)
    {
        var levels = new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal);
        var settings = new Dictionary<string, IReadOnlyList<(string, IReadOnlyList<string>)>>(StringComparer.Ordinal);
        foreach (var (policy, config) in request.PolicyConfig)
        {
            if (PolicyPackDefinition.Rules.All(r => r.Id != policy))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{policy}' is not a policy of {PolicyPackDefinition.Name}"));
            }

            levels[policy] = ProtocolEnums.FromProtocol(config.EnforcementLevel, policy);
            settings[policy] = RuleSettings.Read(policy, config.Properties);
        }

        state.Update(c => c with { Levels = levels, Settings = settings });
        LogConfigured(logger, levels.Count);
        return Task.FromResult(new Empty());
    }

    /// <summary>One resource and, for lookups, its provider. The secrets of both are read twice only when there are any.</summary>
    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        var secrets = new SecretValues();
        var resource = PropertyStructReader.Resource(request, secrets);
        var provider = PropertyStructReader.Provider(request.Provider, secrets);
        var resources = Set(resource, provider);
        var opaque = secrets.Any ? Set(PropertyStructReader.Resource(request, null), PropertyStructReader.Provider(request.Provider, null)) : resources;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, state.Cancellation);
        return Task.FromResult(analysis.AnalyzeResource(resource, new RuleInput(resources, opaque, secrets), state.Configuration, linked.Token));

        static ResourceSet Set(PolicyResource resource, PolicyResource? provider) =>
            new(provider is null || provider.Urn == resource.Urn ? [resource] : [resource, provider]);
    }

    /// <summary>All resources with their parents and dependencies; providers the engine names but did not list are added for lookups.</summary>
    public override Task<AnalyzeResponse> AnalyzeStack(AnalyzeStackRequest request, ServerCallContext context)
    {
        var secrets = new SecretValues();
        var resources = Resources(request, secrets);
        var opaque = secrets.Any ? Resources(request, null) : resources;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, state.Cancellation);
        return Task.FromResult(analysis.AnalyzeStack(new RuleInput(resources, opaque, secrets), state.Configuration, linked.Token));
    }

    /// <summary>The engine is going away: stop work in flight, answer, then shut down gracefully.</summary>
    public override Task<Empty> Cancel(Empty request, ServerCallContext context)
    {
        LogCancel(logger);
        state.Cancel();
        lifetime.StopApplication();
        return Task.FromResult(new Empty());
    }

    private static ResourceSet Resources(AnalyzeStackRequest request, SecretValues? secrets)
    {
        var resources = new List<PolicyResource>(request.Resources.Count);
        var urns = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Resources.Count; i++)
        {
            var resource = PropertyStructReader.Resource(request.Resources[i], i, secrets);
            resources.Add(resource);
            urns.Add(resource.Urn);
        }

        foreach (var item in request.Resources)
        {
            if (item.Provider is { Urn.Length: > 0 } reference && urns.Add(reference.Urn) && PropertyStructReader.Provider(reference, secrets) is { } provider)
            {
                resources.Add(provider);
            }
        }

        return new ResourceSet(resources);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handshake from the engine at {EngineAddress} (root {RootDirectory}, program {ProgramDirectory})")]
    private static partial void LogHandshake(ILogger logger, string engineAddress, string rootDirectory, string programDirectory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stack {Organization}/{Project}/{Stack} (preview: {DryRun})")]
    private static partial void LogStack(ILogger logger, string organization, string project, string stack, bool dryRun);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Configured {Count} policies")]
    private static partial void LogConfigured(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel from the engine: shutting down")]
    private static partial void LogCancel(ILogger logger);
}
