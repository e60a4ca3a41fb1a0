namespace Infra.Blueprints.People;

/// <summary>
/// A person's VPN client certificate. It is renewed before it expires while the person has access,
/// and revoked when the resource goes, which is when the access ends.
/// </summary>
/// <param name="AutoRenew">Renewed within <paramref name="RenewWithinSeconds"/> of its expiry, while the resource exists.</param>
/// <param name="Revoke">Revoked in Vault when the resource is deleted, not only left to expire.</param>
public sealed record VpnCertificateBlueprint(string Person, string CommonName, int TtlSeconds, int RenewWithinSeconds, bool AutoRenew, bool Revoke);
