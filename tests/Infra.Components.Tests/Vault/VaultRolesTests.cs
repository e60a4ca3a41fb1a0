using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;
using Infra.Components.Tests.Support;
using Infra.Components.Vault;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.Vault;

public sealed class VaultRolesTests
{
    private static readonly VaultBlueprint Blueprint = VaultBlueprints.For(
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!);

    /// <summary>Each fleet's IAM role, by its AWS auth role (one per service and region): <c>&lt;service&gt;-&lt;region&gt;-fleet</c>.</summary>
    private static readonly Dictionary<string, Input<string>> FleetRoles = Blueprint.AwsAuthRoles
        .ToDictionary(r => r.Role, r => (Input<string>)$"arn:aws:iam::111122223333:role/{r.Role}-fleet");

    [Fact]
    public async Task Creates_mounts_audit_policies_and_roles_from_the_blueprint()
    {
        var mocks = new RecordingMocks();

        var resources = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", Args(FleetRoles)); });

        Assert.Equal(3, mocks.Registered.Count(r => r.Type == "vault:index/mount:Mount"));
        Assert.Equal(2, mocks.Registered.Count(r => r.Type == "vault:index/audit:Audit"));
        Assert.Equal(Blueprint.Policies.Count, mocks.Registered.Count(r => r.Type == "vault:index/policy:Policy"));
        Assert.Equal(Blueprint.AwsAuthRoles.Count, mocks.Registered.Count(r => r.Type == "vault:aws/authBackendRole:AuthBackendRole"));
        Assert.Equal(Blueprint.PkiRoles.Count, mocks.Registered.Count(r => r.Type == "vault:pkiSecret/secretBackendRole:SecretBackendRole"));
        Assert.Single(resources.OfType<VaultRoles>());
    }

    [Fact]
    public async Task Policy_text_is_the_canonical_hcl()
    {
        var mocks = await Deploy();

        var ledger = mocks.Registered.Single(r => r.Type == "vault:index/policy:Policy" && (string)r.Inputs["name"] == "service-ledger");
        Assert.Equal(Blueprint.Policies.Single(p => p.Name == "service-ledger").Hcl, ledger.Inputs["policy"]);
    }

    [Fact]
    public async Task Aws_auth_role_binds_the_fleet_role_with_the_blueprint_ttls()
    {
        var mocks = await Deploy();

        var expected = Blueprint.AwsAuthRoles.Single(r => r.Role == "payments-api-eu-west-3");
        var role = mocks.Registered.Single(r => r.Type == "vault:aws/authBackendRole:AuthBackendRole" && (string)r.Inputs["role"] == "payments-api-eu-west-3");
        Assert.Equal("iam", role.Inputs["authType"]);
        Assert.Equal(["arn:aws:iam::111122223333:role/payments-api-eu-west-3-fleet"], ((ImmutableArray<object>)role.Inputs["boundIamPrincipalArns"]).Cast<string>());
        Assert.Equal(["service-payments-api"], ((ImmutableArray<object>)role.Inputs["tokenPolicies"]).Cast<string>());
        Assert.Equal(expected.TokenTtlSeconds, Convert.ToInt32(role.Inputs["tokenTtl"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.TokenMaxTtlSeconds, Convert.ToInt32(role.Inputs["tokenMaxTtl"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["10.40.0.0/20", "10.40.16.0/20", "10.40.32.0/20"], InputTree.List(role.Inputs["tokenBoundCidrs"]).Cast<string>());
        Assert.Equal(("ec2_instance", "eu-west-3"), ((string)role.Inputs["inferredEntityType"], (string)role.Inputs["inferredAwsRegion"]));
        Assert.Equal(["111122223333"], InputTree.List(role.Inputs["boundAccountIds"]).Cast<string>());
    }

    [Fact]
    public async Task Aws_auth_backend_requires_the_server_id_header_of_this_vault()
    {
        var mocks = await Deploy();

        var client = Assert.Single(mocks.OfType("vault:aws/authBackendClient:AuthBackendClient")).Inputs;
        Assert.Equal("vault.stg.example-bank.eu", client["iamServerIdHeaderValue"]);
        Assert.Equal(Blueprint.AwsAuthPath, client["backend"]);
    }

    [Fact]
    public async Task Children_are_parented_to_the_component()
    {
        // The mock engine's URNs carry only the root type, so the parents are read where they are
        // set: a transformation on the component's options sees every child with its options.
        var children = new ConcurrentBag<(Resource Resource, Resource? Parent)>();
        VaultRoles? component = null;
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            children.Add((args.Resource, args.Options.Parent));
            return null;
        });

        await Deployment.TestAsync(new RecordingMocks(), new TestOptions { IsPreview = false }, () =>
        {
            component = new VaultRoles("vault", Args(FleetRoles), options);
        });

        var below = children.Where(c => !ReferenceEquals(c.Resource, component)).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, child => Assert.Same(component, child.Parent));
    }

    [Fact]
    public async Task A_service_without_a_fleet_role_fails_naming_the_service()
    {
        var roles = FleetRoles.Where(r => r.Key != "ledger-eu-west-1").ToDictionary(r => r.Key, r => r.Value);

        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            { _ = new VaultRoles("vault", Args(roles)); });

        Assert.Contains("has no IAM role ARN for: ledger-eu-west-1", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"[{nameof(VaultRolesArgs.FleetRoleArns)}]", error.Message, StringComparison.Ordinal);
        Assert.Equal("args", error.ParamName);
    }

    [Fact]
    public async Task Vault_roles_require_their_args()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentNullException>(() => _ = new VaultRoles("vault", null!));

        Assert.Equal("args", error.ParamName);
    }

    [Fact]
    public async Task Each_aws_auth_role_is_bound_to_its_own_fleets_role_only()
    {
        var mocks = await Deploy();

        var roles = mocks.OfType("vault:aws/authBackendRole:AuthBackendRole");
        Assert.Equal(Blueprint.AwsAuthRoles.Count, roles.Count);
        foreach (var expected in Blueprint.AwsAuthRoles)
        {
            var role = Assert.Single(roles, r => (string)r.Inputs["role"] == expected.Role).Inputs;
            Assert.Equal([$"arn:aws:iam::111122223333:role/{expected.Role}-fleet"], InputTree.List(role["boundIamPrincipalArns"]).Cast<string>());
            Assert.Equal(expected.InferredAwsRegion, role["inferredAwsRegion"]);
            Assert.Equal(expected.Policies, InputTree.List(role["tokenPolicies"]).Cast<string>());
        }
    }

    [Fact]
    public async Task Fleets_log_in_through_the_aws_auth_backend_of_the_blueprint()
    {
        var mocks = await Deploy();

        var backend = Assert.Single(mocks.OfType("vault:index/authBackend:AuthBackend")).Inputs;
        Assert.Equal("aws", backend["type"]);
        Assert.Equal(Blueprint.AwsAuthPath, backend["path"]);
        Assert.All(mocks.OfType("vault:aws/authBackendRole:AuthBackendRole"), r => Assert.Equal(Blueprint.AwsAuthPath, r.Inputs["backend"]));
    }

    [Fact]
    public async Task Pki_roles_issue_only_for_the_blueprint_domains()
    {
        var mocks = await Deploy();

        var roles = mocks.OfType("vault:pkiSecret/secretBackendRole:SecretBackendRole");
        Assert.Equal(Blueprint.PkiRoles.Count, roles.Count);
        foreach (var expected in Blueprint.PkiRoles)
        {
            var role = Assert.Single(roles, r => (string)r.Inputs["name"] == expected.Name).Inputs;
            Assert.Equal(Blueprint.PkiMount.Path, role["backend"]);
            Assert.Equal(expected.AllowedDomains, InputTree.List(role["allowedDomains"]).Cast<string>());
            Assert.True(role["allowAnyName"] is false);
            Assert.True(role["allowSubdomains"] is false);
            Assert.True(role["enforceHostnames"] is true);
        }
    }

    [Fact]
    public async Task Pki_roles_take_the_blueprint_key_and_lifetime()
    {
        var mocks = await Deploy();

        foreach (var expected in Blueprint.PkiRoles)
        {
            var role = Assert.Single(mocks.OfType("vault:pkiSecret/secretBackendRole:SecretBackendRole"), r => (string)r.Inputs["name"] == expected.Name).Inputs;
            Assert.Equal(expected.KeyType, role["keyType"]);
            Assert.Equal((double)expected.KeyBits, role["keyBits"]);
            Assert.Equal(expected.MaxTtl, role["maxTtl"]);
        }
    }

    [Fact]
    public async Task Pki_roles_refuse_ip_sans_and_localhost()
    {
        var mocks = await Deploy();

        Assert.All(mocks.OfType("vault:pkiSecret/secretBackendRole:SecretBackendRole"), r =>
        {
            Assert.True(r.Inputs["allowIpSans"] is false);
            Assert.True(r.Inputs["allowLocalhost"] is false);
        });
    }

    [Fact]
    public async Task Before_the_root_signs_only_the_services_csr_exists_and_roles_use_the_default_issuer()
    {
        var mocks = await Deploy();

        var csr = Assert.Single(mocks.OfType("vault:pkiSecret/secretBackendIntermediateCertRequest:SecretBackendIntermediateCertRequest")).Inputs;
        Assert.Equal(Blueprint.PkiMount.Path, csr["backend"]);
        Assert.Equal("internal", csr["type"]);
        Assert.Equal(Blueprint.ServicePki.CommonName, csr["commonName"]);
        Assert.Equal((Blueprint.ServicePki.KeyType, (double)Blueprint.ServicePki.KeyBits), ((string)csr["keyType"], (double)csr["keyBits"]));
        Assert.Empty(mocks.OfType("vault:pkiSecret/secretBackendIssuer:SecretBackendIssuer"));
        Assert.All(mocks.OfType("vault:pkiSecret/secretBackendRole:SecretBackendRole"), r => Assert.Equal("default", r.Inputs["issuerRef"]));
    }

    [Fact]
    public async Task Signed_intermediate_is_imported_named_given_its_urls_and_made_the_default()
    {
        const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        var signed = Blueprint with
        {
            ServicePki = Blueprint.ServicePki with { SignedCertificate = Pem },
            PkiRoles = Blueprint.PkiRoles.Select(r => r with { IssuerRef = Blueprint.ServicePki.IssuerName }).ToEquatableList(),
        };
        var mocks = new RecordingMocks();

        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", Args(FleetRoles, signed)); });

        Assert.Equal(Pem, Assert.Single(mocks.OfType("vault:pkiSecret/secretBackendIntermediateSetSigned:SecretBackendIntermediateSetSigned")).Inputs["certificate"]);
        var issuer = Assert.Single(mocks.OfType("vault:pkiSecret/secretBackendIssuer:SecretBackendIssuer")).Inputs;
        Assert.Equal("vault-services-intermediate-issuer-id", issuer["issuerRef"]);
        Assert.Equal(VaultNames.ServicesIssuer, issuer["issuerName"]);
        Assert.Equal(["https://vault.stg.example-bank.eu/v1/pki-internal/issuer/services-intermediate/der"], InputTree.List(issuer["issuingCertificates"]).Cast<string>());
        Assert.Equal(["https://vault.stg.example-bank.eu/v1/pki-internal/issuer/services-intermediate/crl/der"], InputTree.List(issuer["crlDistributionPoints"]).Cast<string>());
        Assert.Equal(["https://vault.stg.example-bank.eu/v1/pki-internal/ocsp"], InputTree.List(issuer["ocspServers"]).Cast<string>());
        Assert.Equal("vault-services-intermediate-issuer-id", Assert.Single(mocks.OfType("vault:pkiSecret/secretBackendConfigIssuers:SecretBackendConfigIssuers")).Inputs["default"]);
        Assert.All(mocks.OfType("vault:pkiSecret/secretBackendRole:SecretBackendRole"), r => Assert.Equal(VaultNames.ServicesIssuer, r.Inputs["issuerRef"]));
    }

    [Fact]
    public async Task Every_request_is_audited_to_a_file_and_to_syslog()
    {
        var mocks = await Deploy();

        var devices = mocks.OfType("vault:index/audit:Audit");
        Assert.Equal(2, devices.Count);
        var file = Assert.Single(devices, d => (string)d.Inputs["type"] == "file").Inputs;
        Assert.Equal("file", file["path"]);
        Assert.Equal("/var/log/vault/audit.log", InputTree.Map(file, "options")["file_path"]);
        var syslog = Assert.Single(devices, d => (string)d.Inputs["type"] == "syslog").Inputs;
        Assert.Equal(("AUTH", "vault-audit"), ((string)InputTree.Map(syslog, "options")["facility"], (string)InputTree.Map(syslog, "options")["tag"]));
    }

    [Fact]
    public async Task Mounts_take_the_blueprint_paths_types_options_and_lease_limits()
    {
        var mocks = await Deploy();

        foreach (var expected in new[] { Blueprint.KvMount, Blueprint.PkiMount, Blueprint.DatabaseMount })
        {
            var mount = Assert.Single(mocks.OfType("vault:index/mount:Mount"), m => (string)m.Inputs["path"] == expected.Path).Inputs;
            Assert.Equal(expected.Type, mount["type"]);
            Assert.Equal((double)expected.MaxLeaseTtlSeconds, mount["maxLeaseTtlSeconds"]);
            var options = mount.TryGetValue("options", out var given) ? InputTree.Map(given).ToDictionary(o => o.Key, o => (string)o.Value, StringComparer.Ordinal) : [];
            Assert.Equal(expected.Options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal), options);
        }
    }

    [Fact]
    public async Task Vault_roles_require_the_vault_provider()
    {
        var error = await ComponentErrors.ThrownWhileBuildingAsync<ArgumentException>(() =>
            { _ = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = FleetRoles, Vault = null! }); });

        Assert.Equal("args", error.ParamName);
        Assert.StartsWith("[Vault] is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulumi.Vault.Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_child_goes_through_the_vault_provider_of_the_args()
    {
        var mocks = await Deploy();

        Assert.NotEmpty(mocks.Declared);
        Assert.All(mocks.Declared, r => Assert.Equal(RecordingMocks.IdOf("vault"), RecordingMocks.ProviderId(r.Provider)));
    }

    /// <summary>The args the stack gives the component, with its own Vault provider. Only inside a deployment.</summary>
    private static VaultRolesArgs Args(IReadOnlyDictionary<string, Input<string>> fleetRoles, VaultBlueprint? blueprint = null) => new()
    {
        Blueprint = blueprint ?? Blueprint,
        FleetRoleArns = fleetRoles,
        Vault = new Pulumi.Vault.Provider("vault", new Pulumi.Vault.ProviderArgs { Address = "https://vault.stg.example-bank.eu" }),
    };

    private static async Task<RecordingMocks> Deploy()
    {
        var mocks = new RecordingMocks();
        await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", Args(FleetRoles)); });
        return mocks;
    }
}
