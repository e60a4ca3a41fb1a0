using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Infra.Components.Tests.Support;

/// <summary>
/// The engine of every Pulumi-bound test. It records each registered resource (type, name, inputs,
/// provider) and answers with the inputs as the state, plus the computed outputs the components
/// read (<see cref="ComputedOutputs"/>). Lookups answer only for the tokens a test declares with
/// <see cref="Answer"/>: an unexpected lookup fails the deployment instead of returning made-up data.
/// </summary>
public sealed class RecordingMocks : IMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> registered = new();
    private readonly ConcurrentQueue<MockCallArgs> calls = new();
    private readonly Dictionary<string, Func<MockCallArgs, object>> answers = new(StringComparer.Ordinal);

    /// <summary>Every resource registered so far, in registration order (components and providers included).</summary>
    public IReadOnlyList<MockResourceArgs> Registered => [.. registered];

    /// <summary>Every lookup (invoke) made so far.</summary>
    public IReadOnlyList<MockCallArgs> Calls => [.. calls];

    /// <summary>Resources a provider manages: neither providers nor this repository's components.</summary>
    public IReadOnlyList<MockResourceArgs> Declared => [.. Registered.Where(r => r.Type is { } type
        && !type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
        && !type.StartsWith("infra:", StringComparison.Ordinal))];

    public IReadOnlyList<MockResourceArgs> OfType(string type) => [.. Registered.Where(r => r.Type == type)];

    public MockResourceArgs Resource(string type, string name) => Assert.Single(Registered, r => r.Type == type && r.Name == name);

    /// <summary>Makes the lookup <paramref name="token"/> (e.g. <c>gitlab:index/getUser:getUser</c>) answer with <paramref name="answer"/>.</summary>
    public RecordingMocks Answer(string token, Func<MockCallArgs, object> answer)
    {
        answers[token] = answer;
        return this;
    }

    /// <summary>The id every mock resource gets: its name with <c>-id</c>, so tests can follow references.</summary>
    public static string IdOf(string name) => $"{name}-id";

    /// <summary>The ARN every mock resource reports: an account and region of the tests' own, ending with the resource's name.</summary>
    public static string ArnOf(string name) => $"arn:aws:mock:eu-west-3:111122223333:{name}";

    /// <summary>
    /// The id of the provider a resource or lookup went through, from its provider reference
    /// (<see cref="MockResourceArgs.Provider"/>, <see cref="MockCallArgs.Provider"/>: the provider's
    /// <c>urn::id</c>), e.g. <c>aws-eu-west-1-id</c> (<see cref="IdOf"/> of the provider's name);
    /// empty when the engine was left to pick a default provider.
    /// </summary>
    public static string ProviderId(string? providerReference)
    {
        if (string.IsNullOrEmpty(providerReference))
        {
            return "";
        }
        var separator = providerReference.LastIndexOf("::", StringComparison.Ordinal);
        return separator < 0 ? "" : providerReference[(separator + 2)..];
    }

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        registered.Enqueue(args);
        return Task.FromResult<(string?, object)>((NaturalId(args) ?? IdOf(args.Name ?? ""), ComputedOutputs(args)));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        calls.Enqueue(args);
        return answers.TryGetValue(args.Token ?? "", out var answer)
            ? Task.FromResult(answer(args))
            : throw new InvalidOperationException($"The test declared no answer for the lookup '{args.Token}'.");
    }

    /// <summary>
    /// The id AWS gives the resources whose id is one of their inputs, so that references by that
    /// input (a cluster's <c>globalClusterIdentifier</c>) and by id agree, as they do in AWS.
    /// </summary>
    private static string? NaturalId(MockResourceArgs args) => args.Type switch
    {
        "aws:rds/globalCluster:GlobalCluster" => args.Inputs.GetValueOrDefault("globalClusterIdentifier") as string,
        "aws:rds/cluster:Cluster" => args.Inputs.GetValueOrDefault("clusterIdentifier") as string,
        _ => null,
    };

    /// <summary>
    /// The state of a created resource: its inputs, plus the outputs AWS computes that the components
    /// read. Every resource gets an ARN and keeps its name (or is named like its logical name).
    /// </summary>
    private static ImmutableDictionary<string, object> ComputedOutputs(MockResourceArgs args)
    {
        var name = args.Name ?? "";
        var state = args.Inputs
            .SetItem("arn", ArnOf(name))
            .SetItem("name", args.Inputs.TryGetValue("name", out var given) ? given : name);
        return args.Type switch
        {
            "aws:ec2/launchTemplate:LaunchTemplate" => state.SetItem("latestVersion", 1),
            "aws:lb/targetGroup:TargetGroup" => state.SetItem("arnSuffix", TargetGroupArnSuffix(name)),
            "vault:pkiSecret/secretBackendIntermediateCertRequest:SecretBackendIntermediateCertRequest" => state
                .SetItem("csr", $"-----BEGIN CERTIFICATE REQUEST-----\n{name}\n-----END CERTIFICATE REQUEST-----\n"),
            "vault:pkiSecret/secretBackendIntermediateSetSigned:SecretBackendIntermediateSetSigned" => state
                .SetItem("importedIssuers", ImmutableArray.Create<object>($"{name}-issuer-id", $"{name}-root-issuer-id")),
            "vault:pkiSecret/secretBackendIssuer:SecretBackendIssuer" => state.SetItem("issuerId", args.Inputs["issuerRef"]),
            "aws:ec2/vpcEndpoint:VpcEndpoint" when Equals(args.Inputs.GetValueOrDefault("vpcEndpointType"), "Gateway") => state.SetItem("prefixListId", PrefixListOf(name)),
            "aws:rds/cluster:Cluster" => state
                .SetItem("endpoint", ClusterEndpoint(name))
                .SetItem("readerEndpoint", $"{name}.cluster-ro-abc.rds.amazonaws.com")
                .SetItem("masterUserSecrets", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
                    .Add("secretArn", $"arn:aws:secretsmanager:eu-west-3:111122223333:secret:rds!{name}"))),
            "aws:rds/globalCluster:GlobalCluster" => state.SetItem("endpoint", GlobalWriterEndpoint(name)),
            _ => state,
        };
    }

    /// <summary>The global writer endpoint a mock Aurora global cluster reports.</summary>
    public static string GlobalWriterEndpoint(string globalClusterResourceName) => $"{globalClusterResourceName}.global-abc.global.rds.amazonaws.com";

    /// <summary>The <c>targetgroup/NAME/ID</c> a mock target group reports, as the load balancer metrics name it.</summary>
    public static string TargetGroupArnSuffix(string name) => $"targetgroup/{name}/0123456789abcdef";

    /// <summary>The prefix list a mock gateway endpoint reports.</summary>
    public static string PrefixListOf(string endpointName) => $"pl-{endpointName}";

    /// <summary>The writer endpoint a mock Aurora cluster reports.</summary>
    public static string ClusterEndpoint(string clusterResourceName) => $"{clusterResourceName}.cluster-abc.rds.amazonaws.com";
}
