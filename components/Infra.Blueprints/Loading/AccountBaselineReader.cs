using Infra.Blueprints.Account;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Reads <c>infra:accountBaseline</c>: who runs the account's security baseline, its log archive account, and in central
/// mode the bucket of the security account's trail (managed mode names its own). The environment's own account is
/// <c>infra:awsAccountId</c>, its one home; <paramref name="awsAccountId"/> is null when that key is broken.
/// </summary>
internal static class AccountBaselineReader
{
    private static readonly Dictionary<string, BaselineMode> Modes = new(StringComparer.Ordinal)
    {
        ["managed"] = BaselineMode.Managed,
        ["central"] = BaselineMode.CentralSecurityAccount,
    };

    public static AccountBaselineSettings? Read(MappingReader map, string? awsAccountId)
    {
        var mode = map.Required("mode")?.OneOf(Modes.Keys.ToHashSet(StringComparer.Ordinal), "baseline mode (managed: this stack runs it; central: the bank's security account runs it and the stack checks it)");
        var archiveValue = map.Required("logArchiveAccountId");
        var logArchiveAccountId = archiveValue?.Matching(Patterns.AwsAccountId(), "the log archive account's 12-digit AWS account id, quoted");
        var bucketValue = mode == "central" ? map.Required("trailBucket") : map.Optional("trailBucket");
        if (mode == "managed" && bucketValue is not null)
        {
            bucketValue.Error("is for central mode only; in managed mode the stack creates the trail's bucket and names it itself");
            return null;
        }
        var trailBucket = bucketValue?.Matching(Patterns.S3BucketName(), "the S3 bucket the security account's trail writes to: 3 to 63 lowercase letters, digits, dots and hyphens");
        map.RejectUnknownKeys();
        if (awsAccountId is not null && awsAccountId == logArchiveAccountId)
        {
            // The trail must outlive a compromise of the account it audits (CIS AWS 3.x, PCI DSS 10.3.3).
            archiveValue!.Error($"is the environment's own account {awsAccountId} (infra:awsAccountId); the trail is kept in a separate log archive account");
            return null;
        }
        return mode is null || logArchiveAccountId is null || (mode == "central" && trailBucket is null)
            ? null
            : new AccountBaselineSettings(Modes[mode], logArchiveAccountId, trailBucket);
    }
}
