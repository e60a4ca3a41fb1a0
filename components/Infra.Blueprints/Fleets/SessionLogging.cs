using System.Globalization;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Where Session Manager writes what happens in a session, in every region where fleets run: one
/// log group per stack and region, encrypted with its own KMS key and kept <see cref="RetentionDays"/>.
/// </summary>
public static class SessionLogging
{
    /// <summary>At least a year, as PCI DSS 10.5.1 asks of audit logs.</summary>
    public const int RetentionDays = 365;

    /// <summary>The name Session Manager reads its preferences from, in each region of an account.</summary>
    public const string PreferencesDocumentName = "SSM-SessionManagerRunShell";

    public static string LogGroupName(string stack) => $"/infra/{stack}/session-manager";

    public static string LogGroupArn(string stack, string region, string account) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:logs:{region}:{account}:log-group:{LogGroupName(stack)}");
}
