using System.Collections.Immutable;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// The whole program of one of the repository's stacks, run on Pulumi's mocks with the stack's own
/// config file: every registered resource as the engine would see it.
/// </summary>
/// <param name="Calls">The lookups the program made, with the provider each went through.</param>
public sealed record MockedDeployment(RecordedPlatformEnvironment Program, IReadOnlyList<DeployedResource> Resources, IReadOnlyList<MockCallArgs> Calls)
{
    /// <summary>The lookups the program makes, answered as the real services would for an existing estate.</summary>
    public static RecordingMocks Engine() => new RecordingMocks()
        .Answer("vault:index/getAuthBackend:getAuthBackend", _ => Result("accessor", "auth_oidc_0123abcd"))
        // The stack's Client VPN endpoint of each region, made outside the stack: its id names the provider of the region looked in.
        .Answer(GetClientVpnEndpoint, call => Result("clientVpnEndpointId", ClientVpnEndpointFoundThrough(call.Provider)))
        .Answer("gitlab:index/getUser:getUser", call => Result("userId", StableNumber((string)call.Args["username"])))
        .Answer("gitlab:index/getGroup:getGroup", call => Result("groupId", StableNumber((string)call.Args["fullPath"])))
        // The environment's EBS key, managed outside the stack, behind its alias.
        .Answer("aws:kms/getAlias:getAlias", call => Result("name", call.Args["name"]).Add("targetKeyArn", $"arn:aws:kms:mock:key-behind-{call.Args["name"]}"))
        .Answer("aws:secretsmanager/getRandomPassword:getRandomPassword", _ => Result("randomPassword", "Generated-master-Password-0123456789abcde"))
        // Brokers that refuse what no ACL allows and create no topic on their own.
        .Answer("aws:msk/getConfiguration:getConfiguration", call => Result("serverProperties", "allow.everyone.if.no.acl.found=false\nauto.create.topics.enable=false\n")
            .Add("kafkaVersions", ImmutableArray.Create<object>("3.6.0")).Add("name", call.Args["name"]))
        // A central security account that runs the whole baseline: GuardDuty on, the CIS and PCI DSS standards enabled with
        // every control, EBS encryption by default and the account's public access block on.
        .Answer("aws:guardduty/getDetector:getDetector", _ => Result("status", "ENABLED"))
        .Answer("aws:securityhub/getEnabledStandards:getEnabledStandards", _ => Result("standardsSubscriptions", ImmutableArray.Create<object>(
            Subscription("cis-aws-foundations-benchmark/v/3.0.0"), Subscription("pci-dss/v/4.0.1"))))
        .Answer("aws:securityhub/getStandardsControlAssociations:getStandardsControlAssociations", call => Result("standardsControlAssociations", ImmutableArray.Create<object>(
            ImmutableDictionary<string, object>.Empty.Add("securityControlId", call.Args["securityControlId"]).Add("associationStatus", "ENABLED")
                .Add("standardsArn", "arn:aws:securityhub:eu-west-3::standards/cis-aws-foundations-benchmark/v/3.0.0"))))
        .Answer("aws:ebs/getEncryptionByDefault:getEncryptionByDefault", _ => Result("enabled", true))
        .Answer("aws:s3/getAccountPublicAccessBlock:getAccountPublicAccessBlock", call => Result("accountId", call.Args["accountId"])
            .Add("blockPublicAcls", true).Add("blockPublicPolicy", true).Add("ignorePublicAcls", true).Add("restrictPublicBuckets", true))
        // The organization trail's bucket, owned by the log archive account and locked for a year.
        .Answer("aws:s3/getBucketObjectLockConfiguration:getBucketObjectLockConfiguration", call => Result("bucket", call.Args["bucket"])
            .Add("expectedBucketOwner", call.Args["expectedBucketOwner"]).Add("objectLockEnabled", "Enabled").Add("rules", ImmutableArray.Create<object>(
                ImmutableDictionary<string, object>.Empty.Add("defaultRetentions", ImmutableArray.Create<object>(
                    ImmutableDictionary<string, object>.Empty.Add("mode", "COMPLIANCE").Add("days", 365).Add("years", 0))))));

    public const string GetClientVpnEndpoint = "aws:ec2clientvpn/getEndpoint:getEndpoint";

    /// <summary>The id the mocks give the Client VPN endpoint found through a provider: <c>cvpn-endpoint-aws-eu-west-1-id</c>.</summary>
    public static string ClientVpnEndpointFoundThrough(string? provider) => $"cvpn-endpoint-{RecordingMocks.ProviderId(provider)}";

    private static ImmutableDictionary<string, object> Subscription(string standard) => ImmutableDictionary<string, object>.Empty
        .Add("standardsArn", $"arn:aws:securityhub:::standards/{standard}")
        .Add("standardsSubscriptionArn", $"arn:aws:securityhub:eu-west-3:444455556666:subscription/{standard}")
        .Add("standardsInput", ImmutableDictionary<string, object>.Empty)
        .Add("standardsStatus", "READY");

    // Not a preview: in a preview outputs stay unknown. The project name is Pulumi.yaml's.
    public static TestOptions Options(string stackName) => new() { ProjectName = "infra", StackName = stackName, IsPreview = false };

    /// <param name="edit">A change of the stack file's config before the run, e.g. a region switch's.</param>
    public static async Task<MockedDeployment> DeployAsync(string stackName, Func<PulumiStackConfig, PulumiStackConfig>? edit = null)
    {
        var engine = Engine();
        ImmutableArray<Resource> resources;
        var config = PulumiStackConfig.FromStackFile(RepositoryRoot.Find(AppContext.BaseDirectory), stackName);
        using (PulumiConfigEnvironment.Apply(edit is null ? config : edit(config)))
        {
            resources = await Deployment.TestAsync<RecordedPlatformEnvironment>(engine, Options(stackName));
        }
        var program = resources.OfType<RecordedPlatformEnvironment>().Single();
        var urns = new Dictionary<Resource, string>(ReferenceEqualityComparer.Instance);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            urns[resource] = await OutputUtilities.GetValueAsync(resource.Urn);
            if (resource is CustomResource custom)
            {
                ids[urns[resource]] = await OutputUtilities.GetValueAsync(custom.Id);
            }
        }
        var registered = engine.Registered.ToLookup(r => (r.Type, r.Name));
        var deployed = new List<DeployedResource>();
        foreach (var resource in resources.Where(r => r is not Stack))
        {
            var args = registered[(resource.GetResourceType(), resource.GetResourceName())].ToList();
            if (args.Count != 1)
            {
                throw new InvalidOperationException($"{args.Count} resources of type {resource.GetResourceType()} are named {resource.GetResourceName()}; names must be unique per type.");
            }
            var recorder = program.Recorder;
            var parent = recorder.ParentOf(resource);
            var dependencies = await recorder.DependenciesOfAsync(resource);
            deployed.Add(new DeployedResource(
                urns[resource],
                ids.GetValueOrDefault(urns[resource]),
                resource.GetResourceType(),
                resource.GetResourceName(),
                resource is CustomResource,
                parent is null ? urns[program] : urns[parent],
                args[0].Provider is { Length: > 0 } provider ? provider : null,
                recorder.IsProtected(resource),
                [.. dependencies.Select(d => urns[d]).Order(StringComparer.Ordinal)],
                args[0].Inputs,
                await recorder.SecretInputsOfAsync(resource)));
        }
        return new MockedDeployment(program, deployed, engine.Calls);
    }

    private static ImmutableDictionary<string, object> Result(string key, object value) =>
        ImmutableDictionary<string, object>.Empty.Add(key, value);

    private static int StableNumber(string text) => Math.Abs(text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) % 1_000_000);
}
