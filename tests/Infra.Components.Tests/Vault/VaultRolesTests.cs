using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;
using Infra.Components.Vault;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.Vault;

public sealed class VaultRolesTests
{
    private static readonly VaultBlueprint Blueprint = VaultBlueprintBuilder.Build(
        new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles("staging").Definition!);

    private static readonly Dictionary<string, Input<string>> FleetRoles = Blueprint.AwsAuthRoles
        .ToDictionary(r => r.Service, r => (Input<string>)$"arn:aws:iam::111122223333:role/{r.Service}-fleet");

    [Fact]
    public async Task Creates_mounts_audit_policies_and_roles_from_the_blueprint()
    {
        var created = new ConcurrentBag<MockResourceArgs>();

        var resources = await Deployment.TestAsync(Mocks(created), new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = FleetRoles }); });

        Assert.Equal(3, created.Count(r => r.Type == "vault:index/mount:Mount"));
        Assert.Single(created, r => r.Type == "vault:index/audit:Audit");
        Assert.Equal(Blueprint.Policies.Count, created.Count(r => r.Type == "vault:index/policy:Policy"));
        Assert.Equal(Blueprint.AwsAuthRoles.Count, created.Count(r => r.Type == "vault:aws/authBackendRole:AuthBackendRole"));
        Assert.Equal(Blueprint.PkiRoles.Count, created.Count(r => r.Type == "vault:pkiSecret/secretBackendRole:SecretBackendRole"));
        Assert.Single(resources.OfType<VaultRoles>());
    }

    [Fact]
    public async Task Policy_text_is_the_canonical_hcl()
    {
        var created = new ConcurrentBag<MockResourceArgs>();

        await Deployment.TestAsync(Mocks(created), new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = FleetRoles }); });

        var ledger = created.Single(r => r.Type == "vault:index/policy:Policy" && (string)r.Inputs["name"] == "service-ledger");
        Assert.Equal(Blueprint.Policies.Single(p => p.Name == "service-ledger").Hcl, ledger.Inputs["policy"]);
    }

    [Fact]
    public async Task Aws_auth_role_binds_the_fleet_role_with_the_blueprint_ttls()
    {
        var created = new ConcurrentBag<MockResourceArgs>();

        await Deployment.TestAsync(Mocks(created), new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = FleetRoles }); });

        var expected = Blueprint.AwsAuthRoles.Single(r => r.Service == "payments-api");
        var role = created.Single(r => r.Type == "vault:aws/authBackendRole:AuthBackendRole" && (string)r.Inputs["role"] == "payments-api");
        Assert.Equal("iam", role.Inputs["authType"]);
        Assert.Equal(["arn:aws:iam::111122223333:role/payments-api-fleet"], ((ImmutableArray<object>)role.Inputs["boundIamPrincipalArns"]).Cast<string>());
        Assert.Equal(["service-payments-api"], ((ImmutableArray<object>)role.Inputs["tokenPolicies"]).Cast<string>());
        Assert.Equal(expected.TokenTtlSeconds, Convert.ToInt32(role.Inputs["tokenTtl"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.TokenMaxTtlSeconds, Convert.ToInt32(role.Inputs["tokenMaxTtl"], System.Globalization.CultureInfo.InvariantCulture));
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

        await Deployment.TestAsync(Mocks(new ConcurrentBag<MockResourceArgs>()), new TestOptions { IsPreview = false }, () =>
        {
            component = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = FleetRoles }, options);
        });

        var below = children.Where(c => !ReferenceEquals(c.Resource, component)).ToList();
        Assert.NotEmpty(below);
        Assert.All(below, child => Assert.Same(component, child.Parent));
    }

    [Fact]
    public async Task A_service_without_a_fleet_role_fails_naming_the_service()
    {
        var roles = FleetRoles.Where(r => r.Key != "ledger").ToDictionary(r => r.Key, r => r.Value);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(Mocks(new ConcurrentBag<MockResourceArgs>()), new TestOptions { IsPreview = false }, () =>
            { _ = new VaultRoles("vault", new VaultRolesArgs { Blueprint = Blueprint, FleetRoleArns = roles }); }));

        Assert.Contains("has no IAM role ARN for: ledger", error.ToString(), StringComparison.Ordinal);
    }

    private static IMocks Mocks(ConcurrentBag<MockResourceArgs> created)
    {
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                created.Add(args);
                return ($"{args.Name}-id", (object)args.Inputs);
            });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => (object)args.Args);
        return mocks.Object;
    }
}
