using System.Text.Json;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Governance;

/// <summary>
/// Every AWS provider names the one account it may act on (<c>allowedAccountIds</c>), one of the stack's (its own, the
/// log archive's or the database backup account's) when the rule knows them.
/// Flags: <c>new aws.Provider("eu-west-3", { region: "eu-west-3" })</c>, which acts on whatever account its credentials reach.
/// </summary>
public sealed class AwsProviderAllowedAccountsRule : PolicyRule
{
    public const string Code = "aws-provider-allowed-account-ids";

    public override string Id => Code;

    public override string Title => "AWS providers are pinned to the stack's account";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.AwsProvider];

    public override string Rationale => "A staging role that reaches production, or a mistyped role ARN, must fail before the first call instead of changing another account.";

    public override string Remediation => "Set allowedAccountIds on the provider to the stack's account (infra:awsAccountId of Pulumi.<stack>.yaml).";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.32", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var value = resource.Property("allowedAccountIds");
        if (value.IsUnknown || value.IsSecret)
        {
            yield break;
        }

        var accounts = Accounts(value);
        if (accounts.Count == 0)
        {
            yield return new PropertyIssue("allowedAccountIds", "allowedAccountIds is not set: the provider would act on any account its credentials reach");
        }
        else if (accounts.Count != 1 || (context.AwsAccountIds.Count > 0 && !context.AwsAccountIds.Contains(accounts[0])))
        {
            var allowed = context.AwsAccountIds.Count > 0 ? string.Join(" or ", context.AwsAccountIds.Order(StringComparer.Ordinal)) : "one account";
            yield return new PropertyIssue("allowedAccountIds", $"allowedAccountIds is [{string.Join(", ", accounts)}]; it must be exactly one of the stack's accounts: {allowed}");
        }
    }

    /// <summary>The accounts of a list, or of the JSON text of one (the state keeps a provider's list inputs as JSON text).</summary>
    private static List<string> Accounts(PropertyValue value)
    {
        if (value.Kind == PropertyKind.List)
        {
            return [.. value.Items.Select(i => i.AsString()).OfType<string>()];
        }

        if (value.AsString() is { Length: > 0 } text && text.TrimStart().StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var items = document.RootElement.EnumerateArray().ToList();
                // Only a list of account ids is a list of accounts; anything else allows none.
                return items.TrueForAll(i => i.ValueKind == JsonValueKind.String) ? [.. items.Select(i => i.GetString()!)] : [];
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                return [];
            }
        }

        return [];
    }
}
