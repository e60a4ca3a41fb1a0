using System.Collections.Immutable;
using Infra.Blueprints.People;
using Infra.Components.People;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.People;

/// <summary>The people component deployed on mocks as the stack deploys it; GitLab users and groups are looked up, never created.</summary>
internal static class PeopleAccessDeployment
{
    internal const string GetUser = "gitlab:index/getUser:getUser";
    internal const string GetGroup = "gitlab:index/getGroup:getGroup";
    internal const string LoginAccessor = "auth_oidc_1a2b3c4d";

    /// <summary>The regions of the repository's stacks, each with a Client VPN endpoint.</summary>
    internal static readonly string[] Regions = ["eu-west-3", "eu-west-1"];

    /// <summary>
    /// The args the stack gives the component, with the providers: Vault, Consul, AWS of each region (the primary's for IAM) and
    /// GitLab, and the Client VPN endpoint of each region (<see cref="EndpointIn"/>). Only inside a deployment.
    /// </summary>
    internal static PeopleAccessArgs Args(PeopleAccessBlueprint blueprint, IReadOnlyDictionary<string, Input<string>>? fleetRoles = null)
    {
        var aws = Regions.ToDictionary(
            r => r, r => new Pulumi.Aws.Provider($"aws-{r}", new Pulumi.Aws.ProviderArgs { Region = r }), StringComparer.Ordinal);
        return new()
        {
            FleetRoles = fleetRoles,
            Blueprint = blueprint,
            LoginMountAccessor = LoginAccessor,
            ClientVpnEndpointIds = aws.Keys.ToDictionary(r => r, r => (Input<string>)EndpointIn(r), StringComparer.Ordinal),
            Vault = new Pulumi.Vault.Provider("vault", new Pulumi.Vault.ProviderArgs { Address = "https://vault.prd.example-bank.eu" }),
            Consul = new Pulumi.Consul.Provider("consul-prd-par", new Pulumi.Consul.ProviderArgs { Address = "consul.prd-par.example-bank.eu" }),
            Aws = aws["eu-west-3"],
            AwsProviders = aws,
            GitLab = new Pulumi.GitLab.Provider("gitlab", new Pulumi.GitLab.ProviderArgs { BaseUrl = "https://gitlab.example-bank.eu/api/v4/" }),
        };
    }

    /// <summary>The id of the stack's Client VPN endpoint in a region, as the stack's lookup there finds it.</summary>
    internal static string EndpointIn(string region) => $"cvpn-endpoint-{region}";


    internal static async Task<List<MockResourceArgs>> Deploy(PeopleAccessBlueprint blueprint)
    {
        var mocks = Mocks();
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
        {
            _ = new PeopleAccess("people", Args(blueprint));
        });
        return [.. mocks.Registered];
    }

    internal static int UserId(string username) => 1000 + username.Sum(c => c);

    internal static int GroupId(string path) => 500 + path.Length;

    internal static ImmutableDictionary<string, object> UserOf(MockCallArgs call) => ImmutableDictionary<string, object>.Empty
        .Add("username", call.Args["username"])
        .Add("userId", UserId((string)call.Args["username"]));

    private static ImmutableDictionary<string, object> GroupOf(MockCallArgs call) => ImmutableDictionary<string, object>.Empty
        .Add("fullPath", call.Args["fullPath"])
        .Add("groupId", GroupId((string)call.Args["fullPath"]));

    /// <summary>The GitLab users and groups exist already (provisioned by SCIM, created by hand): only looked up.</summary>
    internal static RecordingMocks Mocks() => new RecordingMocks()
        .Answer(GetUser, UserOf)
        .Answer(GetGroup, GroupOf);
}
