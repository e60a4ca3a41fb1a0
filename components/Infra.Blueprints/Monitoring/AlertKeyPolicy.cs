using System.Text.Json.Nodes;
using Infra.Blueprints.Databases;

namespace Infra.Blueprints.Monitoring;

/// <summary>
/// The key policy of a region's alert key: the account root administers the key (IAM decides who
/// may read the topics); the account's principals use it only through SNS of the region, which needs no
/// grants; CloudWatch
/// encrypts alarm notifications with it, only for this account's alarms of the region. Nobody else.
/// </summary>
public static class AlertKeyPolicy
{
    public static string For(string account, string region)
    {
        var statements = DatabaseKeyPolicy.AdministeredAndUsedThrough(account, region, ["sns"], grants: false);
        statements.Add(new JsonObject
        {
            ["Sid"] = "AlarmsPublish",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
            ["Action"] = new JsonArray("kms:Decrypt", "kms:GenerateDataKey*"),
            ["Resource"] = "*",
            ["Condition"] = new JsonObject
            {
                ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = account },
                ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = $"arn:aws:cloudwatch:{region}:{account}:alarm:*" },
            },
        });
        return DatabaseKeyPolicy.Serialized(statements);
    }
}
