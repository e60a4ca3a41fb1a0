namespace Infra.Blueprints.Account;

/// <summary>The account's IAM password policy (CIS AWS 1.8, 1.9; PCI DSS 8.3.6, 8.3.7, 8.3.9).</summary>
public sealed record PasswordPolicy(int MinimumLength, int ReusePrevention, int MaximumAgeDays, bool RequireSymbols, bool RequireNumbers, bool RequireUppercase, bool RequireLowercase);
