using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The explicit providers of the stack: one AWS provider per region, one Consul provider per datacenter, and one
/// each for Vault and Kafka, and GitLab in production. Default providers are off (<c>pulumi:disable-default-providers</c>), so a resource
/// created without one of these fails instead of reaching ambient credentials.
/// </summary>
internal sealed class PlatformProviders
{
    public PlatformProviders(StackDefinition definition, VaultProviderToken vaultToken, Config config)
    {
        Aws = definition.Networks.ToDictionary(
            n => n.Region,
            n => new Pulumi.Aws.Provider($"aws-{n.Region}", new Pulumi.Aws.ProviderArgs
            {
                Region = n.Region,
                // The provider fails before any call when its credentials belong to another account.
                AllowedAccountIds = { definition.AwsAccountId },
            }),
            StringComparer.Ordinal);
        Primary = Aws[definition.Regions.Primary];
        // One provider per Consul datacenter, named by it; the stack's own (infra:endpoints) holds people's ACL tokens,
        // which its ACL replication copies to the others. The same token is valid in every datacenter of the federation.
        var consulToken = config.RequireSecret(StackConfigKeys.ConsulToken);
        ConsulByDatacenter = ConsulDatacenters.All(definition).ToDictionary(
            c => c.Datacenter,
            c => new Pulumi.Consul.Provider($"consul-{c.Datacenter}", new Pulumi.Consul.ProviderArgs
            {
                Address = c.Address.Authority,
                Scheme = c.Address.Scheme,
                Datacenter = c.Datacenter,
                Token = consulToken,
            }),
            StringComparer.Ordinal);
        Consul = ConsulByDatacenter[definition.Endpoints.ConsulDatacenter];
        // The token comes from the pipeline's Vault login (VAULT_TOKEN), never from config; how it is
        // used (a child token of the stack file's TTL, or the login token as is) is the Vault blueprint's.
        Vault = new Pulumi.Vault.Provider("vault", new Pulumi.Vault.ProviderArgs
        {
            Address = definition.Endpoints.Vault.GetLeftPart(UriPartial.Authority),
            MaxLeaseTtlSeconds = vaultToken.MaxLeaseTtlSeconds,
            SkipChildToken = vaultToken.SkipChildToken,
        });
        Kafka = new Pulumi.Kafka.Provider("kafka", new Pulumi.Kafka.ProviderArgs
        {
            BootstrapServers = definition.Endpoints.KafkaBrokers.ToList(),
            TlsEnabled = true,
            SaslMechanism = "scram-sha512",
            SaslUsername = definition.Endpoints.KafkaSaslUsername,
            SaslPassword = config.RequireSecret(StackConfigKeys.KafkaSaslPassword),
        });
        // One GitLab serves both environments, so only production holds memberships. The token
        // comes from GITLAB_TOKEN, never from config.
        GitLab = definition.Environment == EnvironmentKind.Production
            ? new Pulumi.GitLab.Provider("gitlab", new Pulumi.GitLab.ProviderArgs
            {
                BaseUrl = new Uri(definition.Endpoints.GitLab, "api/v4/").ToString(),
            })
            : null;
    }

    public IReadOnlyDictionary<string, Pulumi.Aws.Provider> Aws { get; }

    public Pulumi.Aws.Provider Primary { get; }

    /// <summary>The stack's Consul datacenter (<c>infra:endpoints</c>): people's ACL policies and tokens.</summary>
    public Pulumi.Consul.Provider Consul { get; }

    /// <summary>Every Consul datacenter of the stack, by name: the databases' writer endpoints are registered in each.</summary>
    public IReadOnlyDictionary<string, Pulumi.Consul.Provider> ConsulByDatacenter { get; }

    public Pulumi.Vault.Provider Vault { get; }

    public Pulumi.Kafka.Provider Kafka { get; }

    public Pulumi.GitLab.Provider? GitLab { get; }
}
