namespace Infra.Blueprints.Vault;

/// <summary>
/// The token the Vault provider works with during a Pulumi run: the provider's <c>maxLeaseTtlSeconds</c>
/// (how long its child token lasts; Vault caps it at the login token's own remaining time) and
/// <c>skipChildToken</c> (no child token: the login token, already short-lived, is used as is).
/// </summary>
public sealed record VaultProviderToken(int MaxLeaseTtlSeconds, bool SkipChildToken);
