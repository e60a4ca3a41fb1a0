using Google.Protobuf.WellKnownTypes;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>Requests as the engine sends them: properties marshalled with unknowns and secrets kept, provider attached.</summary>
public static class Requests
{
    public const string Unknown = "\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"";

    public const string Project = "infra";

    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string Volume = "aws:ebs/volume:Volume";
    public const string Cluster = "aws:rds/cluster:Cluster";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string Bucket = "aws:s3/bucketV2:BucketV2";
    public const string KmsKey = "aws:kms/key:Key";

    /// <summary>The six mandatory tags of a staging resource.</summary>
    public const string Tags =
        """{"service":"ledger","team":"core-banking","environment":"staging","cost-center":"CC-2320","data-classification":"restricted","managed-by":"pulumi"}""";

    /// <summary>A secret as the engine marshals it with KeepSecrets (signature and value).</summary>
    public static string Secret(string plaintext) =>
        $$"""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"{{plaintext}}"}""";

    /// <summary>A secret of any JSON value (a boolean, a list...), as the engine marshals it with KeepSecrets.</summary>
    public static string SecretJson(string json) =>
        $$"""{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":{{json}}}""";

    public static string Urn(string type, string name, string stack = "staging") =>
        $"urn:pulumi:{stack}::{Project}::infra:fleet:ServiceFleet${type}::{name}";

    public static string ProviderUrn(string stack = "staging", string name = "eu-west-3") => $"urn:pulumi:{stack}::{Project}::pulumi:providers:aws::{name}";

    /// <summary>An AWS provider of the stack's region, pinned to its account, or with other <paramref name="properties"/>.</summary>
    public static AnalyzerProviderResource Provider(string region = "eu-west-3", string stack = "staging", string name = "eu-west-3", string? properties = null) => new()
    {
        Type = "pulumi:providers:aws",
        Urn = ProviderUrn(stack, name),
        Name = name,
        Properties = Properties(properties ?? $$"""{"region":"{{region}}","allowedAccountIds":["111122223333"]}"""),
    };

    public static AnalyzeRequest Analyze(string type, string name, string properties, string stack = "staging", AnalyzerProviderResource? provider = null) => new()
    {
        Type = type,
        Urn = Urn(type, name, stack),
        Name = name,
        Properties = Properties(properties),
        Provider = provider ?? Provider(stack: stack),
    };

    public static AnalyzerResource StackResource(string type, string name, string properties, string stack = "staging", params string[] dependencies)
    {
        var resource = new AnalyzerResource
        {
            Type = type,
            Urn = Urn(type, name, stack),
            Name = name,
            Properties = Properties(properties),
            Provider = Provider(stack: stack),
            Parent = $"urn:pulumi:{stack}::{Project}::infra:fleet:ServiceFleet::ledger",
        };
        resource.Dependencies.Add(dependencies);
        return resource;
    }

    public static Struct Properties(string json) => Struct.Parser.ParseJson(json);
}
