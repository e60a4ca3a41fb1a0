using System.Text.RegularExpressions;
using Infra.Blueprints.Account;

namespace Infra.Blueprints.Loading;

/// <summary>Reads <c>infra:accountBaseline</c>: who runs the account's security baseline, and the accounts it needs.</summary>
internal static partial class AccountBaselineReader
{
    private static readonly Dictionary<string, BaselineMode> Modes = new(StringComparer.Ordinal)
    {
        ["managed"] = BaselineMode.Managed,
        ["central"] = BaselineMode.CentralSecurityAccount,
    };

    public static AccountBaselineSettings? Read(MappingReader map)
    {
        var mode = map.Required("mode")?.OneOf(Modes.Keys.ToHashSet(StringComparer.Ordinal), "baseline mode (managed: this stack runs it; central: the bank's security account runs it and the stack checks it)");
        var accountId = map.Required("accountId")?.Matching(AccountId(), "the environment's 12-digit AWS account id, quoted");
        var archiveValue = map.Required("logArchiveAccountId");
        var logArchiveAccountId = archiveValue?.Matching(AccountId(), "the log archive account's 12-digit AWS account id, quoted");
        map.RejectUnknownKeys();
        if (accountId is not null && accountId == logArchiveAccountId)
        {
            // The trail must outlive a compromise of the account it audits (CIS AWS 3.x, PCI DSS 10.3.3).
            archiveValue!.Error($"is the environment's own account {accountId}; the trail is kept in a separate log archive account");
            return null;
        }
        return mode is null || accountId is null || logArchiveAccountId is null
            ? null
            : new AccountBaselineSettings(Modes[mode], accountId, logArchiveAccountId);
    }

    [GeneratedRegex(@"^[0-9]{12}$")]
    private static partial Regex AccountId();
}
