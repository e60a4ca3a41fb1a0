using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Components.People;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.People;

public sealed class PeopleAccessTests
{
    private const string Entity = "vault:identity/entity:Entity";
    private const string Alias = "vault:identity/entityAlias:EntityAlias";
    private const string Group = "vault:identity/group:Group";
    private const string Membership = "gitlab:index/groupMembership:GroupMembership";
    private const string PkiRole = "vault:pkiSecret/secretBackendRole:SecretBackendRole";
    private const string Certificate = "vault:pkiSecret/secretBackendCert:SecretBackendCert";
    private const string VpnRule = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
    private const string ConsulPolicy = "consul:index/aclPolicy:AclPolicy";
    private const string ConsulToken = "consul:index/aclToken:AclToken";
    private const string LoginAccessor = "auth_oidc_1a2b3c4d";

    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly PeopleAccessBlueprint Production = PeopleAccessBlueprintBuilder.Build(
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("production").Definition!, Today);

    [Fact]
    public async Task Every_person_with_access_gets_an_entity_with_an_alias_on_the_login_method()
    {
        var created = await Deploy(Production);

        Assert.Equal(Production.Identities.Count, created.Count(r => r.Type == Entity));
        var alias = created.Single(r => r.Type == Alias && (string)r.Inputs["name"] == "cmartin");
        Assert.Equal(LoginAccessor, alias.Inputs["mountAccessor"]);
        Assert.Equal("people-entity-cmartin-id", alias.Inputs["canonicalId"]);
    }

    [Fact]
    public async Task A_leaver_gets_nothing()
    {
        var created = await Deploy(Production);

        Assert.DoesNotContain(created, r => (r.Name ?? "").Contains("dkelly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_group_carries_the_team_policy_and_its_members_entities()
    {
        var created = await Deploy(Production);

        var payments = created.Single(r => r.Type == Group && (string)r.Inputs["name"] == "team-payments");
        Assert.Equal("internal", payments.Inputs["type"]);
        Assert.Equal(["team-payments"], InputTree.List(payments.Inputs["policies"]).Cast<string>());
        Assert.Contains("people-entity-cmartin-id", InputTree.List(payments.Inputs["memberEntityIds"]).Cast<string>());
        Assert.DoesNotContain("people-entity-dkelly-id", InputTree.List(payments.Inputs["memberEntityIds"]).Cast<string>());
    }

    [Fact]
    public async Task A_gitlab_membership_has_the_level_and_expires_the_day_after_the_last_day()
    {
        var created = await Deploy(Production);

        var contractor = created.Single(r => r.Type == Membership && r.Name == "people-gitlab-cmurphy-bank-platform");
        Assert.Equal("owner", contractor.Inputs["accessLevel"]);
        Assert.Equal("2026-11-28", contractor.Inputs["expiresAt"]);
        Assert.Equal(UserId("cmurphy"), Convert.ToInt32(contractor.Inputs["userId"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(GroupId("bank/platform"), Convert.ToInt32(contractor.Inputs["groupId"], System.Globalization.CultureInfo.InvariantCulture));
        var employee = created.Single(r => r.Type == Membership && r.Name == "people-gitlab-cmartin-bank-payments");
        Assert.Equal("maintainer", employee.Inputs["accessLevel"]);
        Assert.True(!employee.Inputs.TryGetValue("expiresAt", out var expiresAt) || expiresAt is null);
    }

    [Fact]
    public async Task No_owner_membership_outside_the_platform_team()
    {
        var created = await Deploy(Production);

        var owners = created.Where(r => r.Type == Membership && (string)r.Inputs["accessLevel"] == "owner").Select(r => r.Name).ToList();
        Assert.NotEmpty(owners);
        Assert.All(owners, name => Assert.EndsWith("-bank-platform", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vpn_certificates_come_from_a_client_only_role_and_are_revoked_when_removed()
    {
        var created = await Deploy(Production);

        var role = created.Single(r => r.Type == PkiRole);
        Assert.True((bool)role.Inputs["clientFlag"]);
        Assert.False((bool)role.Inputs["serverFlag"]);
        Assert.Equal(["vpn.production.internal"], InputTree.List(role.Inputs["allowedDomains"]).Cast<string>());
        var certificate = created.Single(r => r.Type == Certificate && (string)r.Inputs["commonName"] == "cmartin.vpn.production.internal");
        Assert.True((bool)certificate.Inputs["revoke"]);
        Assert.True((bool)certificate.Inputs["autoRenew"]);
        Assert.Equal(Production.VpnCertificates.Count, created.Count(r => r.Type == Certificate));
    }

    [Fact]
    public async Task Each_team_network_of_the_stack_gets_an_authorization_rule_for_the_team_group()
    {
        var created = await Deploy(Production);

        var rules = created.Where(r => r.Type == VpnRule).ToList();
        Assert.Equal(Production.VpnAuthorizations.Count, rules.Count);
        var payments = rules.Single(r => (string)r.Inputs["accessGroupId"] == "team-payments");
        Assert.Equal("10.60.0.0/18", payments.Inputs["targetNetworkCidr"]);
        Assert.Equal("cvpn-endpoint-0123456789abcdef0", payments.Inputs["clientVpnEndpointId"]);
    }

    [Fact]
    public async Task Consul_tokens_only_where_a_team_says_so()
    {
        var created = await Deploy(Production);

        var tokens = created.Where(r => r.Type == ConsulToken).Select(r => r.Name).ToList();
        Assert.Contains("people-consul-token-cmartin", tokens);
        Assert.DoesNotContain("people-consul-token-gbyrne", tokens);
        var write = created.Single(r => r.Type == ConsulPolicy && (string)r.Inputs["name"] == "people-write");
        Assert.Contains("key_prefix", (string)write.Inputs["rules"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staging_stack_leaves_gitlab_alone()
    {
        var staging = PeopleAccessBlueprintBuilder.Build(
            new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!, Today);

        var created = await Deploy(staging);

        Assert.DoesNotContain(created, r => r.Type == Membership);
        Assert.Contains(created, r => r.Type == Entity);
    }

    [Fact]
    public async Task Children_are_parented_to_the_component()
    {
        var children = new ConcurrentBag<(Resource Resource, Resource? Parent)>();
        PeopleAccess? component = null;
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            children.Add((args.Resource, args.Options.Parent));
            return null;
        });

        await Deployment.TestAsync(Mocks(new ConcurrentBag<MockResourceArgs>()), new TestOptions { IsPreview = false }, () =>
        {
            component = new PeopleAccess("people", Args(Production), options);
        });

        var below = children.Where(c => !ReferenceEquals(c.Resource, component)).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, child => Assert.Same(component, child.Parent));
    }

    private static PeopleAccessArgs Args(PeopleAccessBlueprint blueprint) => new()
    {
        Blueprint = blueprint,
        LoginMountAccessor = LoginAccessor,
        ClientVpnEndpointId = "cvpn-endpoint-0123456789abcdef0",
    };

    private static async Task<List<MockResourceArgs>> Deploy(PeopleAccessBlueprint blueprint)
    {
        var created = new ConcurrentBag<MockResourceArgs>();
        await Deployment.TestAsync(Mocks(created), new TestOptions { IsPreview = false }, () =>
        {
            _ = new PeopleAccess("people", Args(blueprint));
        });
        return [.. created];
    }

    private static int UserId(string username) => 1000 + Production.Identities.ToList().FindIndex(i => i.Person == username);

    private static int GroupId(string path) => 500 + path.Length;

    private static IMocks Mocks(ConcurrentBag<MockResourceArgs> created)
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                created.Add(args);
                return ($"{args.Name}-id", (object)args.Inputs);
            });
        // The GitLab users and groups exist already (provisioned by SCIM, created by hand): only looked up.
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => args.Token switch
        {
            "gitlab:index/getUser:getUser" => ImmutableDictionary<string, object>.Empty
                .Add("username", args.Args["username"])
                .Add("userId", UserId((string)args.Args["username"])),
            "gitlab:index/getGroup:getGroup" => ImmutableDictionary<string, object>.Empty
                .Add("fullPath", args.Args["fullPath"])
                .Add("groupId", GroupId((string)args.Args["fullPath"])),
            _ => (object)args.Args,
        });
        return mocks.Object;
    }
}
