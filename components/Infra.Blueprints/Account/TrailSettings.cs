namespace Infra.Blueprints.Account;

/// <summary>One multi-region CloudTrail trail with log file validation, global service events, and KMS encryption.</summary>
public sealed record TrailSettings(string Name, string HomeRegion, bool IsMultiRegion, bool LogFileValidation, bool IncludeGlobalServiceEvents);
