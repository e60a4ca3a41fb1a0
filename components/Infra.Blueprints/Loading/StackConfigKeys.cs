namespace Infra.Blueprints.Loading;

/// <summary>The keys of the <c>infra:</c> namespace of a stack's config.</summary>
public static class StackConfigKeys
{
    public const string Namespace = "infra";

    public const string Environment = "environment";
    public const string CostCenter = "costCenter";
    public const string AwsAccountId = "awsAccountId";
    public const string Regions = "regions";
    public const string Networks = "networks";
    public const string Endpoints = "endpoints";
    public const string Vault = "vault";
    public const string Services = "services";
    public const string Databases = "databases";
    public const string DatabaseAccess = "databaseAccess";
    public const string DatabaseBackup = "databaseBackup";
    public const string AccountBaseline = "accountBaseline";
    public const string KafkaSaslPassword = "kafkaSaslPassword";
    public const string ConsulToken = "consulToken";

    /// <summary>Keys whose values are structured or plain settings, in reading order.</summary>
    public static IReadOnlyList<string> Settings { get; } =
        [Environment, CostCenter, AwsAccountId, Regions, Networks, Endpoints, Vault, Services, Databases, DatabaseAccess, DatabaseBackup, AccountBaseline];

    /// <summary>Keys that must be Pulumi secrets; nothing else may be.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [KafkaSaslPassword, ConsulToken];

    /// <summary>Keys of other namespaces that a stack file may carry.</summary>
    public static IReadOnlyList<string> ForeignAllowed { get; } = ["pulumi:disable-default-providers"];
}
