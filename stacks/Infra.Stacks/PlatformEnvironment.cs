using System.Collections.Immutable;
using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Blueprints.Vault;
using Infra.Components;
using Infra.Components.Databases;
using Infra.Components.Kafka;
using Infra.Components.People;
using Infra.Components.Vault;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The stack of one environment. Its definition comes from the stack's Pulumi config and the
/// repository's catalogs, through the same loader that reads the files for the CLI.
/// </summary>
public sealed class PlatformEnvironment : Stack
{
    public PlatformEnvironment()
    {
        // The language host starts the program in its project folder, below Pulumi.yaml.
        var repositoryRoot = RepositoryRoot.Find(Directory.GetCurrentDirectory());
        var config = new Config(StackConfigKeys.Namespace);
        var loaded = new StackDefinitionLoader(repositoryRoot).LoadFromConfig(
            Deployment.Instance.StackName,
            new PulumiStackConfigValues(config));

        foreach (var warning in loaded.Diagnostics.Where(d => !d.IsError))
        {
            Log.Warn(warning.ToString(), this);
        }

        if (loaded.HasErrors || loaded.Definition is not { } definition)
        {
            // The SDK reports a RunException as its message alone, without a stack trace.
            throw new RunException(loaded.FormatErrors());
        }

        Definition = definition;
        Environment = Output.Create(definition.Environment.ToString().ToLowerInvariant());
        PrimaryRegion = Output.Create(definition.Regions.Primary);
        SecondaryRegion = Output.Create(definition.Regions.Secondary);
        ServiceNames = Output.Create(definition.Services.Select(s => s.Name).ToImmutableArray());
        DatabaseNames = Output.Create(definition.Databases.Select(d => d.Name).ToImmutableArray());

        var providers = new PlatformProviders(definition, config);
        var fleetBlueprints = FleetBlueprints.For(definition);
        var fleets = fleetBlueprints.ToDictionary(
            b => b.Name,
            b => new ServiceFleet(b.Name, b, new ComponentResourceOptions { Providers = { providers.Primary, providers.Consul } }),
            StringComparer.Ordinal);
        _ = new FleetConnections("fleet-connections", fleetBlueprints, fleets, new ComponentResourceOptions { Providers = { providers.Primary } });
        FleetGroupNames = Output.All(fleets.Values.Select(f => (Input<string>)f.GroupName).ToArray());

        var vaultBlueprint = VaultBlueprintBuilder.Build(definition);
        var vaultRoles = new VaultRoles("vault", new VaultRolesArgs
        {
            Blueprint = vaultBlueprint,
            FleetRoleArns = fleets.ToDictionary(f => f.Key, f => (Input<string>)f.Value.RoleArn, StringComparer.Ordinal),
        }, new ComponentResourceOptions { Providers = { providers.Vault } });

        foreach (var database in DatabaseBlueprints.For(definition))
        {
            _ = new ReplicatedDatabase(database.Name, new ReplicatedDatabaseArgs
            {
                Blueprint = database,
                Vault = vaultBlueprint,
                AwsProviders = providers.Aws,
                ConsulProvider = providers.Consul,
                VaultProvider = providers.Vault,
                FleetSecurityGroupIds = fleets.ToDictionary(f => f.Key, f => (Input<string>)f.Value.SecurityGroupId, StringComparer.Ordinal),
                // The database roles live in VaultRoles' `database` mount.
                VaultDependsOn = [vaultRoles],
            });
        }

        _ = new KafkaTopics("kafka", new KafkaTopicsArgs
        {
            Blueprint = KafkaTopicCatalog.Blueprint(definition),
            Provider = providers.Kafka,
        });

        CreatePeopleAccess(definition, providers, vaultRoles);
    }

    /// <summary>
    /// People's access as of today (UTC): whoever is past their end date loses it at this run. People
    /// log in to Vault through OIDC mounted at <c>oidc</c>; the stack's Client VPN endpoint is tagged
    /// <c>Name=vpn-&lt;stack&gt;</c> (docs/people-access.md).
    /// </summary>
    private static void CreatePeopleAccess(StackDefinition definition, PlatformProviders providers, VaultRoles vaultRoles)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var login = Pulumi.Vault.GetAuthBackend.Invoke(
            new Pulumi.Vault.GetAuthBackendInvokeArgs { Path = "oidc" },
            new InvokeOptions { Provider = providers.Vault });
        var vpnEndpoint = Pulumi.Aws.Ec2ClientVpn.GetEndpoint.Invoke(
            new Pulumi.Aws.Ec2ClientVpn.GetEndpointInvokeArgs { Tags = { { "Name", $"vpn-{definition.StackName}" } } },
            new InvokeOptions { Provider = providers.Primary });
        var options = new ComponentResourceOptions
        {
            Providers = { providers.Vault, providers.Consul, providers.Primary },
            // Team policies and the pki-internal mount belong to VaultRoles.
            DependsOn = { vaultRoles },
        };
        if (providers.GitLab is { } gitlab)
        {
            options.Providers.Add(gitlab);
        }
        _ = new PeopleAccess("people", new PeopleAccessArgs
        {
            Blueprint = PeopleAccessBlueprintBuilder.Build(definition, today),
            LoginMountAccessor = login.Apply(b => b.Accessor),
            ClientVpnEndpointId = vpnEndpoint.Apply(e => e.ClientVpnEndpointId),
        }, options);
    }

    /// <summary>The environment as loaded. Not a stack output: it is there for tests and components.</summary>
    public StackDefinition Definition { get; }

    // The SDK's Resource constructor assigns every [Output] property through its setter before this
    // constructor runs, so each needs one even though only this constructor sets the values.
    [Output("environment")]
    public Output<string> Environment { get; private set; }

    [Output("primaryRegion")]
    public Output<string> PrimaryRegion { get; private set; }

    [Output("secondaryRegion")]
    public Output<string> SecondaryRegion { get; private set; }

    // Stack outputs of list type must be ImmutableArray: the SDK rejects other collection types.
    [Output("serviceNames")]
    public Output<ImmutableArray<string>> ServiceNames { get; private set; }

    [Output("databaseNames")]
    public Output<ImmutableArray<string>> DatabaseNames { get; private set; }

    [Output("fleetGroupNames")]
    public Output<ImmutableArray<string>> FleetGroupNames { get; private set; }
}
