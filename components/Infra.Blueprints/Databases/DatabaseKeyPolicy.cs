using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The key policy of a database's regional KMS key: the account root administers the key (so IAM
/// policies decide who may); RDS, AWS Backup and Secrets Manager use it only on behalf of the
/// account and only through their service (<c>kms:ViaService</c>), creating grants only for AWS
/// resources; CloudWatch Logs encrypts only the database's own log groups. Nobody else.
/// </summary>
public static class DatabaseKeyPolicy
{
    /// <summary>The services that use the key through grants, each by its regional endpoint.</summary>
    public static readonly IReadOnlyList<string> GrantServices = ["rds", "backup", "secretsmanager"];

    private static readonly string[] UseActions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

    private static readonly string[] GrantActions = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];

    /// <param name="logGroupPrefix">The log groups of the database's cluster in this region, e.g. /aws/rds/cluster/ledger-db-staging-eu-west-3/.</param>
    public static string For(string account, string region, string logGroupPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var statements = new JsonArray
        {
            new JsonObject
            {
                ["Sid"] = "AccountAdministers",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{account}:root" },
                ["Action"] = "kms:*",
                ["Resource"] = "*",
            },
        };
        foreach (var service in GrantServices)
        {
            var viaService = new JsonObject
            {
                ["kms:CallerAccount"] = account,
                ["kms:ViaService"] = $"{service}.{region}.amazonaws.com",
            };
            statements.Add(Statement($"UseThrough{Capitalized(service)}", UseActions, new JsonObject { ["StringEquals"] = viaService.DeepClone() }));
            statements.Add(Statement($"GrantsThrough{Capitalized(service)}", GrantActions, new JsonObject
            {
                ["StringEquals"] = viaService.DeepClone(),
                ["Bool"] = new JsonObject { ["kms:GrantIsForAWSResource"] = "true" },
            }));
        }
        statements.Add(new JsonObject
        {
            ["Sid"] = "LogsOfTheDatabase",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = $"logs.{region}.amazonaws.com" },
            ["Action"] = new JsonArray("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
            ["Resource"] = "*",
            ["Condition"] = new JsonObject
            {
                ["ArnLike"] = new JsonObject { ["kms:EncryptionContext:aws:logs:arn"] = $"arn:aws:logs:{region}:{account}:log-group:{logGroupPrefix}*" },
            },
        });
        var policy = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
        return policy.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

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
        _ => "SecretsManager",
    };
}
