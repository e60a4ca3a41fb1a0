namespace Infra.Blueprints.People;

/// <summary>
/// A person's VPN client certificate. It is renewed before it expires while the person has access,
/// and revoked when the resource goes, which is when the access ends.
/// </summary>
public sealed record VpnCertificateBlueprint(string Person, string CommonName, int TtlSeconds, int RenewWithinSeconds);
