using System.Security.Cryptography;
using System.Text;

namespace Infra.Blueprints.People;

/// <summary>
/// The signature of an HR event: HMAC-SHA256 of the event file's raw bytes with the shared secret,
/// written as <c>sha256=</c> and 64 lowercase hex digits (the form GitHub and GitLab webhooks use).
/// The comparison takes the same time whatever the bytes, so it tells nothing about the right value.
/// </summary>
public static class HrSignature
{
    public const string Prefix = "sha256=";

    /// <summary>A shorter secret is refused: HMAC is only as strong as its key.</summary>
    public const int MinimumSecretLength = 32;

    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="signature"/> (as written in the signature file) signs <paramref name="body"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string signature, string secret)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(secret);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var text = signature.Trim();
        byte[] given;
        try
        {
            given = text.StartsWith(Prefix, StringComparison.Ordinal) ? Convert.FromHexString(text.AsSpan(Prefix.Length)) : [];
        }
        catch (FormatException)
        {
            given = [];
        }
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
