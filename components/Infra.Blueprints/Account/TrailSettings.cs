namespace Infra.Blueprints.Account;

/// <summary>
/// One multi-region CloudTrail trail with log file validation, global service events, and KMS encryption; its event
/// selectors record management events and the read and write data events of every S3 object (CIS AWS 3.8 and 3.9).
/// </summary>
public sealed record TrailSettings(string Name, string HomeRegion, bool IsMultiRegion, bool LogFileValidation, bool IncludeGlobalServiceEvents,
    IReadOnlyList<TrailEventSelector> EventSelectors);
