using System.Collections.Immutable;
using Infra.Blueprints.Account;
using Infra.Blueprints.Backups;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Blueprints.Stacks;
using Infra.Blueprints.Validation;
using Infra.Components.Account;
using Infra.Components.Backups;
using Infra.Components.Databases;
using Infra.Components.Fleets;
using Infra.Components.Kafka;
using Infra.Components.Monitoring;
using Infra.Components.Network;
using Infra.Components.People;
using Infra.Components.Vault;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The stack of one environment. Its definition comes from the stack's Pulumi config and the
/// repository's catalogs, through the same loader that reads the files for the CLI.
/// </summary>
public class PlatformEnvironment : Stack
{
    public PlatformEnvironment()
        : this(null, TimeProvider.System, refusePlaceholdersOnUpdate: true)
    {
    }

    /// <summary>
    /// With stack options (e.g. the transformations with which tests record every resource's parent)
    /// and the clock that decides the day of people's access. With <paramref name="refusePlaceholdersOnUpdate"/>,
    /// as <c>pulumi up</c> runs it, an update (not a preview) stops before any resource while the stack
    /// file holds a placeholder id (<see cref="PlaceholderIds"/>); tests of the whole stack run as updates on mocks without it.
    /// </summary>
    protected PlatformEnvironment(StackOptions? options, TimeProvider clock, bool refusePlaceholdersOnUpdate = false)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(clock);
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

        if (refusePlaceholdersOnUpdate && !Deployment.Instance.IsDryRun && PlaceholderIds.In(definition.Networks) is { Count: > 0 } placeholders)
        {
            throw new RunException("the stack file holds placeholder ids, so nothing is updated:\n"
                + string.Join('\n', placeholders.Select(p => $"  {p.KeyPath}: {PlaceholderIds.Describe(p)}")));
        }

        Definition = definition;
        Environment = Output.Create(definition.Environment.ToString().ToLowerInvariant());
        PrimaryRegion = Output.Create(definition.Regions.Primary);
        SecondaryRegion = Output.Create(definition.Regions.Secondary);
        ServiceNames = Output.Create(definition.Services.Select(s => s.Name).ToImmutableArray());
        DatabaseNames = Output.Create(definition.Databases.Select(d => d.Name).ToImmutableArray());

        // People's access as of now: whoever's access ended (end of the last day, leave time, termination) loses it at this run.
        Blueprint = StackBlueprint.For(definition, clock.GetUtcNow());
        var providers = new PlatformProviders(definition, Blueprint.Vault.ProviderToken, config);
        CreateAccountBaseline(Blueprint.AccountBaseline, providers);
        var endpoints = Blueprint.Endpoints.ToDictionary(
            b => b.Region,
            b => new VpcEndpoints(b.Name, new VpcEndpointsArgs { Blueprint = b, Aws = providers.Aws[b.Region] }),
            StringComparer.Ordinal);
        // Auto Scaling launches a fleet's encrypted volumes only once it holds a grant on the region's key.
        var keyGrants = Blueprint.EbsKeyGrants.ToDictionary(
            b => b.Region,
            b => new EbsKeyGrant(b.Name, new EbsKeyGrantArgs { Blueprint = b, Aws = providers.Aws[b.Region] }),
            StringComparer.Ordinal);
        // Where Session Manager logs every session on the fleets, and the preferences that send it there.
        foreach (var logging in Blueprint.SessionLogging)
        {
            _ = new SessionLogging(logging.Name, new SessionLoggingArgs { Blueprint = logging, Aws = providers.Aws[logging.Region] });
        }
        // Every service's fleet in both regions: full size in the primary, the warm standby in the secondary.
        var fleets = Blueprint.Fleets.ToDictionary(
            b => b.Name,
            b => new ServiceFleet(b.Name, new ServiceFleetArgs { Blueprint = b, Aws = providers.Aws[b.Region], Endpoints = endpoints[b.Region] },
                new ComponentResourceOptions { DependsOn = { keyGrants[b.Region] } }),
            StringComparer.Ordinal);
        // The deploy waits for every group's instance refresh, the standby's too, by region (scripts/ci/fleet-groups.sh).
        FleetGroupNames = Output.All(Blueprint.Fleets.Select(b => fleets[b.Name].GroupName.Apply(group => (b.Region, Group: group))).ToArray())
            .Apply(groups => groups.GroupBy(g => g.Region, StringComparer.Ordinal)
                .ToImmutableDictionary(r => r.Key, r => r.Select(g => g.Group).ToImmutableArray(), StringComparer.Ordinal));

        var vaultRoles = new VaultRoles("vault", new VaultRolesArgs
        {
            Blueprint = Blueprint.Vault,
            FleetRoleArns = Blueprint.Fleets.ToDictionary(b => b.Role.VaultAuthRole, b => (Input<string>)fleets[b.Name].RoleArn, StringComparer.Ordinal),
            Vault = providers.Vault,
        });

        var fleetSecurityGroupIds = Blueprint.Fleets.GroupBy(b => b.Region).ToDictionary(
            r => r.Key,
            r => (IReadOnlyDictionary<string, Input<string>>)r.ToDictionary(b => b.Service, b => (Input<string>)fleets[b.Name].SecurityGroupId, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var databaseSecurityGroupIds = Blueprint.Fleets.Select(b => b.Region).Distinct().ToDictionary(
            r => r, _ => new Dictionary<string, Input<string>>(StringComparer.Ordinal), StringComparer.Ordinal);
        var databases = new List<Resource>();
        foreach (var database in Blueprint.Databases)
        {
            var replicated = new ReplicatedDatabase(database.Name, new ReplicatedDatabaseArgs
            {
                Blueprint = database,
                Vault = Blueprint.Vault,
                AwsProviders = providers.Aws,
                ConsulProviders = providers.ConsulByDatacenter,
                VaultProvider = providers.Vault,
                FleetSecurityGroupIds = fleetSecurityGroupIds,
                // The database roles live in VaultRoles' `database` mount.
                VaultDependsOn = [vaultRoles],
                CreatedAt = Blueprint.At,
            });
            foreach (var (region, ids) in databaseSecurityGroupIds)
            {
                ids[database.Name] = replicated.SecurityGroupIds.Apply(groups => groups[region]);
            }
            databases.Add(replicated);
        }
        CreateDatabaseBackups(Blueprint.DatabaseBackups, providers, databases);
        // Fleets reach each other and their databases by security group: these rules need every group.
        _ = new FleetConnections("fleet-connections", new FleetConnectionsArgs
        {
            Blueprints = Blueprint.Fleets,
            Fleets = fleets,
            DatabaseSecurityGroupIds = databaseSecurityGroupIds.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, Input<string>>)r.Value, StringComparer.Ordinal),
            AwsProviders = providers.Aws,
        });

        _ = new KafkaTopics("kafka", new KafkaTopicsArgs
        {
            Blueprint = Blueprint.Kafka,
            Provider = providers.Kafka,
            BrokerConfiguration = definition.Endpoints.KafkaBrokerConfiguration,
            Aws = providers.Primary,
        });

        CreatePeopleAccess(Blueprint.People, providers, vaultRoles, fleets.ToDictionary(f => f.Key, f => (Input<string>)f.Value.RoleName, StringComparer.Ordinal));

        _ = new StackMonitoring("monitoring", new StackMonitoringArgs
        {
            Blueprint = Blueprint.Monitoring,
            AwsProviders = providers.Aws,
            TargetGroupArns = fleets.ToDictionary(f => f.Key, f => (Input<string>)f.Value.TargetGroupArn, StringComparer.Ordinal),
            AutoScalingGroupNames = fleets.ToDictionary(f => f.Key, f => (Input<string>)f.Value.GroupName, StringComparer.Ordinal),
        });
    }

    /// <summary>
    /// Managed: the trail's bucket and key are created in the log archive account, through the role
    /// <c>infra-log-archive</c> that the bank's landing zone provides there (docs/formats.md).
    /// Central: the component only checks, through the environment's own providers.
    /// </summary>
    private static void CreateAccountBaseline(AccountBaselineBlueprint blueprint, PlatformProviders providers)
    {
        var archiveAccount = blueprint.Bucket.AccountId;
        _ = new AccountBaseline("account-baseline", new AccountBaselineArgs
        {
            Blueprint = blueprint,
            AwsProviders = providers.Aws,
            LogArchiveProvider = blueprint.Mode == BaselineMode.Managed
                ? new Pulumi.Aws.Provider("aws-log-archive", new Pulumi.Aws.ProviderArgs
                {
                    Region = blueprint.Trail.HomeRegion,
                    AllowedAccountIds = { archiveAccount },
                    AssumeRoles = { new Pulumi.Aws.Inputs.ProviderAssumeRoleArgs { RoleArn = $"arn:aws:iam::{archiveAccount}:role/{LogArchiveRoleName}" } },
                })
                : null,
        });
    }

    /// <summary>
    /// AWS Backup of the databases: the locked vaults are created in the backup account, through the
    /// role <c>infra-backup</c> that the bank's landing zone provides there (docs/dr.md), in each region.
    /// </summary>
    private static void CreateDatabaseBackups(DatabaseBackupBlueprint blueprint, PlatformProviders providers, IReadOnlyList<Resource> databases) =>
        _ = new DatabaseBackups("database-backups", new DatabaseBackupsArgs
        {
            Blueprint = blueprint,
            AwsProviders = providers.Aws,
            BackupAccountProviders = blueprint.Regions.ToDictionary(
                r => r.Region,
                r => new Pulumi.Aws.Provider($"aws-backup-account-{r.Region}", new Pulumi.Aws.ProviderArgs
                {
                    Region = r.Region,
                    AllowedAccountIds = { blueprint.BackupAccountId },
                    AssumeRoles = { new Pulumi.Aws.Inputs.ProviderAssumeRoleArgs { RoleArn = blueprint.BackupAccountRoleArn } },
                }),
                StringComparer.Ordinal),
            DatabasesDependOn = databases,
        });

    /// <summary>The role in the log archive account through which a managed baseline writes its trail's bucket and key.</summary>
    private const string LogArchiveRoleName = "infra-log-archive";

    /// <summary>
    /// People log in to Vault through OIDC mounted at <c>oidc</c>; the stack's Client VPN endpoint in each region is made
    /// outside the stack and tagged <c>Name=vpn-&lt;stack&gt;</c> (docs/people-access.md), so it is looked up there.
    /// </summary>
    private static void CreatePeopleAccess(PeopleAccessBlueprint people, PlatformProviders providers, VaultRoles vaultRoles,
        IReadOnlyDictionary<string, Input<string>> fleetRoles)
    {
        var login = Pulumi.Vault.GetAuthBackend.Invoke(
            new Pulumi.Vault.GetAuthBackendInvokeArgs { Path = "oidc" },
            new InvokeOptions { Provider = providers.Vault });
        var vpnEndpoints = people.VpnEndpoints.ToDictionary(
            e => e.Region,
            e => Pulumi.Aws.Ec2ClientVpn.GetEndpoint.Invoke(
                new Pulumi.Aws.Ec2ClientVpn.GetEndpointInvokeArgs { Tags = { { "Name", e.Name } } },
                new InvokeOptions { Provider = providers.Aws[e.Region] }).Apply(found => found.ClientVpnEndpointId),
            StringComparer.Ordinal);
        _ = new PeopleAccess("people", new PeopleAccessArgs
        {
            Blueprint = people,
            LoginMountAccessor = login.Apply(b => b.Accessor),
            ClientVpnEndpointIds = vpnEndpoints.ToDictionary(e => e.Key, e => (Input<string>)e.Value, StringComparer.Ordinal),
            AwsProviders = providers.Aws,
            Vault = providers.Vault,
            Consul = providers.Consul,
            Aws = providers.Primary,
            GitLab = providers.GitLab,
            FleetRoles = fleetRoles,
        }, new ComponentResourceOptions
        {
            // Team policies and the pki-internal mount belong to VaultRoles.
            DependsOn = { vaultRoles },
        });
    }

    /// <summary>The environment as loaded. Not a stack output: it is there for tests and components.</summary>
    public StackDefinition Definition { get; }

    /// <summary>Every component's blueprint, as deployed. Not a stack output either.</summary>
    public StackBlueprint Blueprint { get; }

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

    /// <summary>Every fleet's autoscaling group name, by region: the primary's full-size fleets and the secondary's warm standbys.</summary>
    [Output("fleetGroupNames")]
    public Output<ImmutableDictionary<string, ImmutableArray<string>>> FleetGroupNames { get; private set; }
}
