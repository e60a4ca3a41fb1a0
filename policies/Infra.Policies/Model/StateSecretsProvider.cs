namespace Infra.Policies.Model;

/// <summary>
/// The secrets provider a <c>pulumi stack export</c> names (<c>deployment.secrets_providers</c>): its type (<c>cloud</c>,
/// <c>passphrase</c>, <c>service</c>) and, for <c>cloud</c>, its URL (<c>awskms://...</c>). The ciphertext of the
/// secrets does not say which key made it; this does.
/// </summary>
public sealed record StateSecretsProvider(string Type, string? Url);
