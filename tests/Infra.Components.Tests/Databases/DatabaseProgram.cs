using Infra.Blueprints.Databases;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;
using Infra.Components.Databases;
using Pulumi;

namespace Infra.Components.Tests.Databases;

/// <summary>
/// Builds the ledger database of a repository stack with one AWS provider per region. A
/// transformation on the component's options sees every child with the options it was given
/// (parent, protect, ignoreChanges).
/// </summary>
internal sealed class DatabaseProgram
{
    private readonly List<(Resource Resource, ResourceOptions Options)> children = [];

    public DatabaseProgram(string stack)
    {
        var loaded = new StackDefinitionLoader(RepositoryRoot.Find(AppContext.BaseDirectory)).LoadFromFiles(stack);
        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        Definition = loaded.Definition!;
        Blueprint = DatabaseBlueprints.For(Definition).Single(d => d.Name == "ledger-db");
        Vault = VaultBlueprints.For(Definition);
    }

    /// <summary>The time of the deployment in these tests.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What Secrets Manager's password generator answers in these tests.</summary>
    public const string GeneratedPassword = "Generated-master-Password-0123456789abcde";

    /// <summary>The engine with the one lookup a database makes: the generated master password.</summary>
    public static Support.RecordingMocks Mocks() => new Support.RecordingMocks()
        .Answer("aws:secretsmanager/getRandomPassword:getRandomPassword", _ => new Dictionary<string, object> { ["randomPassword"] = GeneratedPassword });

    public Infra.Blueprints.Definition.StackDefinition Definition { get; }

    public DatabaseBlueprint Blueprint { get; }

    public VaultBlueprint Vault { get; }

    public ReplicatedDatabase? Component { get; private set; }

    public IReadOnlyList<(Resource Resource, ResourceOptions Options)> Children
    {
        get
        {
            lock (children)
            {
                return [.. children.Where(c => !ReferenceEquals(c.Resource, Component))];
            }
        }
    }

    public void Build()
    {
        var options = new ComponentResourceOptions();
        options.ResourceTransformations.Add(args =>
        {
            lock (children)
            {
                children.Add((args.Resource, args.Options));
            }
            return null;
        });
        Component = new ReplicatedDatabase(Blueprint.Name, NewArgs(), options);
    }

    /// <summary>
    /// The args <see cref="Build"/> gives the component: an AWS provider for each region of
    /// <paramref name="regions"/> (every network of the stack by default) and the security group of
    /// every fleet that uses the database but <paramref name="withoutFleet"/>. Only inside a deployment.
    /// </summary>
    public ReplicatedDatabaseArgs NewArgs(IEnumerable<string>? regions = null, string? withoutFleet = null)
    {
        var aws = (regions ?? Definition.Networks.Select(n => n.Region)).ToDictionary(
            region => region,
            region => new Pulumi.Aws.Provider($"aws-{region}", new Pulumi.Aws.ProviderArgs { Region = region }),
            StringComparer.Ordinal);
        // A provider for each datacenter the blueprint registers the writer endpoint in, as the stack gives them.
        var consul = Blueprint.Consul.Catalogs.ToDictionary(
            c => c.Datacenter,
            c => new Pulumi.Consul.Provider($"consul-{c.Datacenter}", new Pulumi.Consul.ProviderArgs { Address = $"consul.{c.Datacenter}.example-bank.eu", Datacenter = c.Datacenter }),
            StringComparer.Ordinal);
        var vault = new Pulumi.Vault.Provider("vault", new Pulumi.Vault.ProviderArgs { Address = "https://vault.stg.example-bank.eu" });
        return new ReplicatedDatabaseArgs
        {
            Blueprint = Blueprint,
            Vault = Vault,
            AwsProviders = aws,
            ConsulProviders = consul,
            VaultProvider = vault,
            CreatedAt = CreatedAt,
            FleetSecurityGroupIds = Blueprint.Regions.ToDictionary(
                r => r.Region,
                r => (IReadOnlyDictionary<string, Input<string>>)Blueprint.UsedBy.Where(s => s != withoutFleet).ToDictionary(s => s, s => (Input<string>)$"sg-{s}-{r.Region}", StringComparer.Ordinal),
                StringComparer.Ordinal),
        };
    }
}
