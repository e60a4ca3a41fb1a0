using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Components.People;
using Infra.Components.Tests.Support;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using static Infra.Components.Tests.People.PeopleAccessDeployment;

namespace Infra.Components.Tests.People;

public sealed class PeopleAccessTests
{
    private const string Entity = "vault:identity/entity:Entity";
    private const string Alias = "vault:identity/entityAlias:EntityAlias";
    private const string Group = "vault:identity/group:Group";
    private const string Membership = "gitlab:index/groupMembership:GroupMembership";
    private const string PkiRole = "vault:pkiSecret/secretBackendRole:SecretBackendRole";
    private const string Certificate = "vault:pkiSecret/secretBackendCert:SecretBackendCert";
    private const string SignedCertificate = "vault:pkiSecret/secretBackendSign:SecretBackendSign";
    private const string RootCertificate = "vault:pkiSecret/secretBackendRootCert:SecretBackendRootCert";
    private const string Mount = "vault:index/mount:Mount";
    private const string VpnRule = "aws:ec2clientvpn/authorizationRule:AuthorizationRule";
    private const string ConsulPolicy = "consul:index/aclPolicy:AclPolicy";
    private const string ConsulToken = "consul:index/aclToken:AclToken";
    private const string DatabaseRole = "vault:database/secretBackendRole:SecretBackendRole";
    private const string VaultPolicy = "vault:index/policy:Policy";

    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly PeopleAccessBlueprint Production = PeopleAccessBlueprints.For(
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
    public async Task A_database_grant_is_a_vault_role_that_only_the_grantees_entity_may_read()
    {
        var created = await Deploy(Production);

        var role = created.Single(r => r.Type == DatabaseRole && (string)r.Inputs["name"] == "payments-db-grant-cmartin-read");
        Assert.Equal(("database", "payments-db"), ((string)role.Inputs["backend"], (string)role.Inputs["dbName"]));
        Assert.Contains("GRANT \"payments_db_read\" TO \"{{name}}\";", InputTree.List(role.Inputs["creationStatements"]).Cast<string>());
        var policy = created.Single(r => r.Type == VaultPolicy && (string)r.Inputs["name"] == "grant-cmartin");
        Assert.Contains("path \"database/creds/payments-db-grant-cmartin-read\" {\n  capabilities = [\"read\"]\n}", (string)policy.Inputs["policy"], StringComparison.Ordinal);
        var entity = created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "cmartin");
        Assert.Equal(["grant-cmartin"], InputTree.List(entity.Inputs["policies"]).Cast<string>().Where(p => p.StartsWith("grant-", StringComparison.Ordinal)));
        Assert.Equal(Production.DatabaseGrants.Count, created.Count(r => r.Type == DatabaseRole));
        Assert.DoesNotContain(InputTree.List(created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "adupont").Inputs["policies"]).Cast<string>(),
            p => p.StartsWith("grant-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recent_leavers_entity_is_kept_disabled_and_is_not_among_the_people_with_access()
    {
        var leftAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero); // cmurphy's contract ended on 2026-11-27
        var blueprint = PeopleAccessBlueprints.For(new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("production").Definition!, leftAt.AddDays(2));

        var created = await Deploy(blueprint);

        var entity = created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "cmurphy");
        Assert.Equal(true, entity.Inputs["disabled"]);
        Assert.False((bool)created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "adupont").Inputs["disabled"]);
        Assert.DoesNotContain(created, r => r.Type == ConsulToken && ((string)r.Inputs["description"]).StartsWith("cmurphy ", StringComparison.Ordinal));
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
    public async Task No_persons_vpn_certificate_or_key_is_a_resource_the_vpn_ca_signs_their_csr()
    {
        var created = await Deploy(Production);

        Assert.DoesNotContain(created, r => r.Type is Certificate or SignedCertificate);
        var mount = created.Single(r => r.Type == Mount).Inputs;
        Assert.Equal(("pki-vpn", "pki"), ((string)mount["path"], (string)mount["type"]));
        var root = created.Single(r => r.Type == RootCertificate).Inputs;
        Assert.Equal(("internal", Production.VpnPki.IssuerName, Production.VpnPki.CommonName), ((string)root["type"], (string)root["issuerName"], (string)root["commonName"]));
        var role = created.Single(r => r.Type == PkiRole).Inputs;
        Assert.Equal(Production.VpnPki.Mount.Path, role["backend"]);
        Assert.True((bool)role["clientFlag"]);
        Assert.False((bool)role["serverFlag"]);
        Assert.Equal(["ClientAuth"], InputTree.List(role["extKeyUsages"]).Cast<string>());
        Assert.True(role["noStore"] is false);
    }

    [Fact]
    public async Task The_vpn_mount_tidies_expired_and_revoked_certificates_so_the_revocation_jobs_list_stays_short()
    {
        var created = await Deploy(Production);

        var tidy = created.Single(r => r.Type == "vault:pkiSecret/backendConfigAutoTidy:BackendConfigAutoTidy").Inputs;
        Assert.Equal(("pki-vpn", true, true, true), ((string)tidy["backend"], (bool)tidy["enabled"], (bool)tidy["tidyCertStore"], (bool)tidy["tidyRevokedCerts"]));
        Assert.Equal(("12h", "72h"), ((string)tidy["intervalDuration"], (string)tidy["safetyBuffer"]));
    }

    [Fact]
    public async Task Each_team_network_of_the_stack_gets_an_authorization_rule_for_the_team_group_on_the_endpoint_of_each_region()
    {
        var created = await Deploy(Production);

        var rules = created.Where(r => r.Type == VpnRule).ToList();
        Assert.Equal(Production.VpnAuthorizations.Count, rules.Count);
        foreach (var region in new[] { "eu-west-3", "eu-west-1" })
        {
            var inRegion = rules.Where(r => (string)r.Inputs["clientVpnEndpointId"] == EndpointIn(region)).ToList();
            Assert.All(inRegion, r => Assert.Equal(RecordingMocks.IdOf($"aws-{region}"), RecordingMocks.ProviderId(r.Provider)));
            Assert.All(inRegion, r => Assert.StartsWith($"people-vpn-rule-{region}-", r.Name, StringComparison.Ordinal));
            var platform = inRegion.Where(r => (string)r.Inputs["accessGroupId"] == "team-platform").Select(r => (string)r.Inputs["targetNetworkCidr"]);
            Assert.Equal(["10.60.0.0/16", "10.61.0.0/16"], platform.Order(StringComparer.Ordinal));
            Assert.Equal(rules.Count / 2, inRegion.Count);
        }
        Assert.DoesNotContain(rules, r => (string)r.Inputs["accessGroupId"] == "team-payments");
    }

    [Fact]
    public async Task The_primary_regions_rules_are_aliased_from_their_names_without_a_region_so_the_existing_rules_are_renamed_not_recreated()
    {
        var aliases = new ConcurrentDictionary<string, IReadOnlyList<Input<Alias>>>(StringComparer.Ordinal);
        await Deployment.TestAsync(Mocks(), new TestOptions { IsPreview = false }, () =>
            _ = new PeopleAccess("people", Args(Production), new ComponentResourceOptions
            {
                ResourceTransformations =
                {
                    args =>
                    {
                        aliases[args.Resource.GetResourceName()] = [.. args.Options.Aliases];
                        return null;
                    },
                },
            }));

        var former = await OutputUtilities.GetValueAsync(Assert.Single(aliases["people-vpn-rule-eu-west-3-platform-10.61.0.0-16"]).ToOutput());
        Assert.Equal("people-vpn-rule-platform-10.61.0.0-16", await OutputUtilities.GetValueAsync(former.Name!.ToOutput()));
        Assert.Empty(aliases["people-vpn-rule-eu-west-1-platform-10.61.0.0-16"]);
    }

    [Theory]
    [InlineData(nameof(PeopleAccessArgs.ClientVpnEndpointIds), "[ClientVpnEndpointIds] has no endpoint for eu-west-1, where the blueprint puts the authorization rules on vpn-production")]
    [InlineData(nameof(PeopleAccessArgs.AwsProviders), "[AwsProviders] has no provider for eu-west-1, where the endpoint vpn-production is")]
    public async Task A_region_of_the_blueprint_without_its_endpoint_or_provider_is_refused_naming_the_region(string missing, string message)
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var args = Args(Production);
            _ = new PeopleAccess("people", missing == nameof(PeopleAccessArgs.AwsProviders)
                ? new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders.Where(p => p.Key != "eu-west-1").ToDictionary(), Vault = args.Vault, Consul = args.Consul, Aws = args.Aws, GitLab = args.GitLab }
                : new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds.Where(p => p.Key != "eu-west-1").ToDictionary(), AwsProviders = args.AwsProviders, Vault = args.Vault, Consul = args.Consul, Aws = args.Aws, GitLab = args.GitLab });
        }, "production");

        Assert.Equal(("args", message), (error.ParamName, error.Message.Split(" (Parameter")[0]));
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
        var staging = PeopleAccessBlueprints.For(
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

        await Deployment.TestAsync(Mocks(), new TestOptions { IsPreview = false }, () =>
        {
            component = new PeopleAccess("people", Args(Production), options);
        });

        var below = children.Where(c => !ReferenceEquals(c.Resource, component)).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, child => Assert.Same(component, child.Parent));
    }

    [Fact]
    public async Task Each_resource_goes_through_the_provider_of_its_package_from_the_args()
    {
        var mocks = Mocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () => _ = new PeopleAccess("people", Args(Production)));

        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vault"] = RecordingMocks.IdOf("vault"),
            ["gitlab"] = RecordingMocks.IdOf("gitlab"),
            ["aws"] = RecordingMocks.IdOf("aws-eu-west-3"),
            ["consul"] = RecordingMocks.IdOf("consul-prd-par"),
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), mocks.Declared.Select(r => Package(r.Type!)).Distinct().Order(StringComparer.Ordinal));
        // A VPN rule goes through the AWS provider of its endpoint's region; the region is checked apart.
        Assert.All(mocks.Declared.Where(r => r.Type != VpnRule), r => Assert.Equal(expected[Package(r.Type!)], RecordingMocks.ProviderId(r.Provider)));
    }

    [Fact]
    public async Task GitLab_lookups_go_through_the_gitlab_provider_of_the_args()
    {
        var mocks = Mocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () => _ = new PeopleAccess("people", Args(Production)));

        Assert.Contains(mocks.Calls, c => c.Token == GetUser);
        Assert.Contains(mocks.Calls, c => c.Token == GetGroup);
        Assert.All(mocks.Calls, c => Assert.Equal(RecordingMocks.IdOf("gitlab"), RecordingMocks.ProviderId(c.Provider)));
    }

    [Fact]
    public async Task A_gitlab_user_the_lookup_cannot_find_only_skips_that_persons_memberships_and_is_reported()
    {
        var mocks = Mocks().Answer(GetUser, call => (string)call.Args["username"] == "cmurphy"
            ? throw new InvalidOperationException("GitLab has no user cmurphy")
            : UserOf(call));
        PeopleAccess? people = null;

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () => people = new PeopleAccess("people", Args(Production)));

        Assert.Equal("cmurphy", Assert.Single(await OutputUtilities.GetValueAsync(people!.GitLabUsersNotFound)));
        Assert.Contains(Production.GitLabMemberships, m => m.Person == "cmurphy");
        Assert.DoesNotContain(mocks.OfType(Membership), r => r.Name!.StartsWith("people-gitlab-cmurphy-", StringComparison.Ordinal));
        Assert.Equal(Production.GitLabMemberships.Count(m => m.Person != "cmurphy"), mocks.OfType(Membership).Count);
        Assert.Contains(mocks.OfType(Entity), r => r.Name == "people-entity-cmurphy");
    }

    [Fact]
    public async Task The_vpn_role_signs_only_the_callers_own_name()
    {
        var created = await Deploy(Production);

        var role = created.Single(r => r.Type == PkiRole).Inputs;
        Assert.Equal(["{{identity.entity.name}}.vpn.production.internal"], InputTree.List(role["allowedDomains"]).Cast<string>());
        Assert.True(role["allowedDomainsTemplate"] is true);
        Assert.True(role["allowBareDomains"] is true);
        Assert.True(role["allowSubdomains"] is false);
        Assert.True(role["allowGlobDomains"] is false);
        Assert.True(role["allowAnyName"] is false);
        Assert.True(role["allowIpSans"] is false);
        Assert.True(role["allowLocalhost"] is false);
        Assert.True(role["useCsrCommonName"] is false);
        Assert.True(role["useCsrSans"] is false);
        Assert.True(role["enforceHostnames"] is true);
    }

    [Fact]
    public async Task The_vpn_role_takes_the_blueprint_key_and_lifetime()
    {
        var created = await Deploy(Production);

        var role = created.Single(r => r.Type == PkiRole).Inputs;
        Assert.Equal(Production.VpnRole.KeyType, role["keyType"]);
        Assert.Equal((double)Production.VpnRole.KeyBits, role["keyBits"]);
        Assert.Equal(Production.VpnRole.MaxTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), role["maxTtl"]);
    }

    [Fact]
    public async Task The_entity_of_each_person_with_a_vpn_network_carries_the_policy_that_signs_their_certificate()
    {
        var created = await Deploy(Production);

        var policy = created.Single(r => r.Type == VaultPolicy && (string)r.Inputs["name"] == PeopleNames.VpnCertificatePolicy).Inputs;
        Assert.Equal(Production.VpnCertificatePolicy.Hcl, policy["policy"]);
        var signers = created.Where(r => r.Type == Entity && InputTree.List(r.Inputs["policies"]).Cast<string>().Contains(PeopleNames.VpnCertificatePolicy))
            .Select(r => (string)r.Inputs["name"]);
        Assert.Equal(Production.VpnCertificateSigners, signers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_consul_token_carries_only_the_policy_of_its_blueprint()
    {
        var created = await Deploy(Production);

        Assert.NotEmpty(Production.ConsulTokens);
        foreach (var expected in Production.ConsulTokens)
        {
            var token = created.Single(r => r.Type == ConsulToken && r.Name == $"people-consul-token-{expected.Person}").Inputs;
            Assert.Equal([expected.Policy], InputTree.List(token["policies"]).Cast<string>());
            Assert.True(token["local"] is false);
            Assert.Equal(expected.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), token["expirationTime"]);
        }
    }

    [Fact]
    public async Task An_entity_carries_when_its_persons_access_ends_and_whether_they_are_in_the_platform_team()
    {
        var created = await Deploy(Production);

        var contractor = created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "cmurphy").Inputs;
        var employee = created.Single(r => r.Type == Entity && (string)r.Inputs["name"] == "cmartin").Inputs;
        Assert.Equal("2026-11-27", InputTree.Map(contractor["metadata"])["access-ends"]);
        Assert.Equal("true", InputTree.Map(contractor["metadata"])["platform-team"]);
        Assert.False(InputTree.Map(employee["metadata"]).ContainsKey("access-ends"));
        Assert.Equal("false", InputTree.Map(employee["metadata"])["platform-team"]);
    }

    [Fact]
    public async Task A_session_grant_is_an_inline_policy_on_the_role_of_the_fleet_it_names()
    {
        var grant = new SessionGrantBlueprint("cmartin", "ledger", "ledger-eu-west-1", "eu-west-1", "session-grant-cmartin", """{"Version":"2012-10-17","Statement":[]}""", new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var mocks = Mocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
            _ = new PeopleAccess("people", Args(Production with { SessionGrants = [grant] },
                new Dictionary<string, Input<string>> { ["ledger-eu-west-3"] = "ledger-role-7f3a", ["ledger-eu-west-1"] = "ledger-role-2b9c" })));

        var policy = Assert.Single(mocks.OfType("aws:iam/rolePolicy:RolePolicy"));
        Assert.Equal(("people-session-grant-cmartin-ledger-eu-west-1", "ledger-role-2b9c", "session-grant-cmartin", grant.Policy),
            (policy.Name, policy.Inputs["role"], policy.Inputs["name"], policy.Inputs["policy"]));
        Assert.Equal("aws-eu-west-3-id", RecordingMocks.ProviderId(policy.Provider));
    }

    [Fact]
    public async Task A_session_grant_without_the_fleets_roles_is_refused()
    {
        var grant = new SessionGrantBlueprint("cmartin", "ledger", "ledger-eu-west-3", "eu-west-3", "session-grant-cmartin", "{}", new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            _ = new PeopleAccess("people", Args(Production with { SessionGrants = [grant] })), "production");

        Assert.StartsWith("[FleetRoles] is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_access_requires_its_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new PeopleAccess("people", null!));

        Assert.Equal("args", error.ParamName);
    }

    [Theory]
    [InlineData(nameof(PeopleAccessArgs.Vault), "Pulumi.Vault.Provider")]
    [InlineData(nameof(PeopleAccessArgs.Consul), "Pulumi.Consul.Provider")]
    [InlineData(nameof(PeopleAccessArgs.Aws), "Pulumi.Aws.Provider")]
    [InlineData(nameof(PeopleAccessArgs.GitLab), "Pulumi.GitLab.Provider")]
    public async Task People_access_requires_the_provider_of_each_package_it_uses(string missing, string provider)
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
        {
            var args = Args(Production);
            _ = new PeopleAccess("people", missing switch
            {
                nameof(PeopleAccessArgs.Vault) => new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders, Vault = null!, Consul = args.Consul, Aws = args.Aws, GitLab = args.GitLab },
                nameof(PeopleAccessArgs.Consul) => new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders, Vault = args.Vault, Consul = null!, Aws = args.Aws, GitLab = args.GitLab },
                nameof(PeopleAccessArgs.Aws) => new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders, Vault = args.Vault, Consul = args.Consul, Aws = null!, GitLab = args.GitLab },
                _ => new PeopleAccessArgs { Blueprint = args.Blueprint, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders, Vault = args.Vault, Consul = args.Consul, Aws = args.Aws, GitLab = null },
            });
        }, "production");

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith($"[{missing}] is required", error.Message, StringComparison.Ordinal);
        Assert.Contains(provider, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staging_stack_needs_no_gitlab_provider()
    {
        var staging = PeopleAccessBlueprints.For(
            new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!, Today);
        var mocks = Mocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
        {
            var args = Args(staging);
            _ = new PeopleAccess("people", new PeopleAccessArgs { Blueprint = staging, LoginMountAccessor = args.LoginMountAccessor, ClientVpnEndpointIds = args.ClientVpnEndpointIds, AwsProviders = args.AwsProviders, Vault = args.Vault, Consul = args.Consul, Aws = args.Aws, GitLab = null });
        });

        Assert.Empty(staging.GitLabMemberships);
        Assert.Contains(mocks.Declared, r => r.Type == Entity);
        Assert.DoesNotContain(mocks.Declared, r => r.Type!.StartsWith("gitlab:", StringComparison.Ordinal));
    }

    private static string Package(string type) => type[..type.IndexOf(':', StringComparison.Ordinal)];
}
