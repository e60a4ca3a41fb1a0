using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The key policy of a database's regional KMS key: the account root administers the key (so IAM
/// policies decide who may); RDS, AWS Backup and Secrets Manager use it only on behalf of the
/// account and only through their service (<c>kms:ViaService</c>), creating grants only for AWS
/// resources; the backup account uses it only through RDS and AWS Backup, to copy the recovery
/// points; CloudWatch Logs encrypts only the database's own log groups. Nobody else.
/// </summary>
public static class DatabaseKeyPolicy
{
    /// <summary>The services that use the key through grants, each by its regional endpoint.</summary>
    public static readonly IReadOnlyList<string> GrantServices = ["rds", "backup", "secretsmanager"];

    /// <summary>What the other account of a copy does with the source's key: read it and let its service re-encrypt.</summary>
    private static readonly string[] CopyActions = ["kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"];

    private static readonly string[] UseActions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

    private static readonly string[] GrantActions = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];

    /// <param name="logGroupPrefix">The log groups of the database's cluster in this region, e.g. /aws/rds/cluster/ledger-db-staging-eu-west-3/.</param>
    /// <param name="backupAccount">The separate backup account, which copies the database's recovery points.</param>
    public static string For(string account, string region, string logGroupPrefix, string backupAccount)
    {
        var statements = AdministeredAndUsedThrough(account, region, GrantServices);
        statements.Add(CopiesBy(backupAccount, region));
        statements.Add(UsedByLogs("LogsOfTheDatabase", region, "ArnLike", $"arn:aws:logs:{region}:{account}:log-group:{logGroupPrefix}*"));
        return Serialized(statements);
    }

    /// <summary>CloudWatch Logs of <paramref name="region"/> uses the key, only for the log groups whose ARN passes <paramref name="arnOperator"/> <paramref name="logGroupArn"/>.</summary>
    internal static JsonObject UsedByLogs(string sid, string region, string arnOperator, string logGroupArn) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = $"logs.{region}.amazonaws.com" },
        ["Action"] = new JsonArray("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
        ["Resource"] = "*",
        ["Condition"] = new JsonObject
        {
            [arnOperator] = new JsonObject { ["kms:EncryptionContext:aws:logs:arn"] = logGroupArn },
        },
    };

    /// <summary>
    /// The root of <paramref name="account"/> administers the key; each of <paramref name="services"/>
    /// uses it for the account, only through its regional endpoint, and with <paramref name="grants"/> creates grants only for AWS resources.
    /// </summary>
    internal static List<JsonNode> AdministeredAndUsedThrough(string account, string region, IEnumerable<string> services, bool grants = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(region);
        List<JsonNode> statements =
        [
            new JsonObject
            {
                ["Sid"] = "AccountAdministers",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{account}:root" },
                ["Action"] = "kms:*",
                ["Resource"] = "*",
            },
        ];
        foreach (var service in services)
        {
            var viaService = new JsonObject
            {
                ["kms:CallerAccount"] = account,
                ["kms:ViaService"] = $"{service}.{region}.amazonaws.com",
            };
            statements.Add(Statement($"UseThrough{Capitalized(service)}", UseActions, new JsonObject { ["StringEquals"] = viaService.DeepClone() }));
            if (!grants)
            {
                continue;
            }
            statements.Add(Statement($"GrantsThrough{Capitalized(service)}", GrantActions, new JsonObject
            {
                ["StringEquals"] = viaService.DeepClone(),
                ["Bool"] = new JsonObject { ["kms:GrantIsForAWSResource"] = "true" },
            }));
        }
        return statements;
    }

    /// <summary>The other account of a cross-account copy: only through AWS Backup and RDS in the key's region.</summary>
    internal static JsonObject CopiesBy(string otherAccount, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(otherAccount);
        return new JsonObject
        {
            ["Sid"] = "CrossAccountCopies",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{otherAccount}:root" },
            ["Action"] = new JsonArray([.. CopyActions.Select(a => (JsonNode)a)]),
            ["Resource"] = "*",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["kms:ViaService"] = new JsonArray($"backup.{region}.amazonaws.com", $"rds.{region}.amazonaws.com") },
            },
        };
    }

    internal static string Serialized(IEnumerable<JsonNode> statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) }.ToJsonString();

    /// <summary>A statement for the principals of the account, limited by <paramref name="condition"/> to one service.</summary>
    private static JsonObject Statement(string sid, string[] actions, JsonObject condition) => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["AWS"] = "*" },
        ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
        ["Resource"] = "*",
        ["Condition"] = condition,
    };

    private static string Capitalized(string service) => service switch
    {
        "rds" => "Rds",
        "backup" => "Backup",
        "secretsmanager" => "SecretsManager",
        "sns" => "Sns",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "a service the key policies name"),
    };
}
