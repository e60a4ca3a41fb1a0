namespace Infra.Blueprints.Account;

/// <summary>What the baseline needs to know about the accounts: the environment's own, and the log archive account that keeps the trail.</summary>
public sealed record AccountBaselineSettings(BaselineMode Mode, string AccountId, string LogArchiveAccountId);
