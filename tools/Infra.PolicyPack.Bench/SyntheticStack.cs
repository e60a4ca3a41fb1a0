using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Infra.Policies.Benchmarking;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Bench;

/// <summary>
/// The library's made-up stack export (<see cref="SyntheticStackExport"/>: a compliant estate of security groups,
/// launch templates, databases with secret passwords, buckets, topics, Vault roles) as the engine would send it:
/// inputs for Analyze, outputs (the inputs of a resource that has none, like the providers here) with parent,
/// dependencies and provider for AnalyzeStack.
/// </summary>
internal sealed class SyntheticStack
{
    private SyntheticStack(IReadOnlyList<AnalyzeRequest> analyzeRequests, AnalyzeStackRequest stackRequest)
    {
        AnalyzeRequests = analyzeRequests;
        StackRequest = stackRequest;
    }

    /// <summary>One Analyze request per custom resource but the providers and the stack.</summary>
    public IReadOnlyList<AnalyzeRequest> AnalyzeRequests { get; }

    public AnalyzeStackRequest StackRequest { get; }

    public static SyntheticStack Create(int resourceCount, string stack)
    {
        using var export = new MemoryStream();
        SyntheticStackExport.Write(export, resourceCount, stack);
        using var document = JsonDocument.Parse(export.ToArray());
        var resources = document.RootElement.GetProperty("deployment").GetProperty("resources").EnumerateArray().ToList();
        var providers = resources
            .Where(r => r.GetProperty("type").GetString()!.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("urn").GetString()!, r => new AnalyzerProviderResource
            {
                Urn = r.GetProperty("urn").GetString()!,
                Type = r.GetProperty("type").GetString()!,
                Name = r.GetProperty("urn").GetString()!.Split("::")[^1],
                Properties = Properties(r, "inputs"),
            });

        var analyze = new List<AnalyzeRequest>();
        var stackRequest = new AnalyzeStackRequest();
        foreach (var resource in resources)
        {
            var urn = resource.GetProperty("urn").GetString()!;
            var type = resource.GetProperty("type").GetString()!;
            var provider = resource.TryGetProperty("provider", out var reference) ? providers.GetValueOrDefault(reference.GetString()![..reference.GetString()!.LastIndexOf("::", StringComparison.Ordinal)]) : null;
            var item = new AnalyzerResource
            {
                Urn = urn,
                Type = type,
                Name = urn.Split("::")[^1],
                Properties = resource.TryGetProperty("outputs", out _) ? Properties(resource, "outputs") : Properties(resource, "inputs"),
                Provider = provider,
                Parent = resource.TryGetProperty("parent", out var parent) ? parent.GetString() : "",
            };
            if (resource.TryGetProperty("dependencies", out var dependencies))
            {
                item.Dependencies.Add(dependencies.EnumerateArray().Select(d => d.GetString()!));
            }

            stackRequest.Resources.Add(item);
            if (provider is not null)
            {
                analyze.Add(new AnalyzeRequest { Urn = urn, Type = type, Name = item.Name, Properties = Properties(resource, "inputs"), Provider = provider });
            }
        }

        return new SyntheticStack(analyze, stackRequest);
    }

    private static Struct Properties(JsonElement resource, string section) =>
        resource.TryGetProperty(section, out var properties) ? Struct.Parser.ParseJson(properties.GetRawText()) : new Struct();
}
