using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The explicit providers of the stack: one AWS provider per region, and one each for Consul and
/// Vault and Kafka, and GitLab in production. Default providers are off (<c>pulumi:disable-default-providers</c>), so a resource
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
        Consul = new Pulumi.Consul.Provider($"consul-{definition.Endpoints.ConsulDatacenter}", new Pulumi.Consul.ProviderArgs
        {
            Address = definition.Endpoints.Consul.Authority,
            Scheme = definition.Endpoints.Consul.Scheme,
            Datacenter = definition.Endpoints.ConsulDatacenter,
            Token = config.RequireSecret(StackConfigKeys.ConsulToken),
        });
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

    public Pulumi.Consul.Provider Consul { get; }

    public Pulumi.Vault.Provider Vault { get; }

    public Pulumi.Kafka.Provider Kafka { get; }

    public Pulumi.GitLab.Provider? GitLab { get; }
}
