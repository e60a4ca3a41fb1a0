using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Loading;

/// <summary>Reads <c>infra:vault</c> and the Vault grants of teams, with the bounds Vault use must keep.</summary>
internal static class VaultSettingsReader
{
    public static VaultSettings? Read(MappingReader map)
    {
        var kvMount = map.Required("kvMount")?.Matching(Patterns.KebabName(), "a mount path of lowercase letters, digits and hyphens, e.g. kv");
        var tokenTtl = map.Required("tokenTtl")?.Duration(TimeSpan.FromMinutes(5), TimeSpan.FromHours(4));
        var tokenMaxTtl = map.Required("tokenMaxTtl")?.Duration(TimeSpan.FromMinutes(5), TimeSpan.FromHours(24));
        var credentialTtl = map.Required("databaseCredentialTtl")?.Duration(TimeSpan.FromMinutes(5), TimeSpan.FromHours(8));
        var credentialMaxTtl = map.Required("databaseCredentialMaxTtl")?.Duration(TimeSpan.FromMinutes(5), TimeSpan.FromHours(24));
        var rotation = map.Required("staticRoleRotation")?.Duration(TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        var certificateTtl = map.Required("certificateTtl")?.Duration(TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        // A first Aurora global cluster can take over an hour; the provider's own default is 20 minutes.
        var providerTokenTtl = map.Required("providerTokenTtl")?.Duration(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12));
        var skipChildToken = map.Optional("skipChildToken") is { } skip ? skip.Bool() : false;
        var intermediate = map.Optional("servicesIntermediateCertificate") is { } pem ? Certificate(pem) : null;
        map.RejectUnknownKeys();
        RequireOrder(map, "tokenTtl", tokenTtl, "tokenMaxTtl", tokenMaxTtl);
        RequireOrder(map, "databaseCredentialTtl", credentialTtl, "databaseCredentialMaxTtl", credentialMaxTtl);
        return kvMount is null || tokenTtl is null || tokenMaxTtl is null || credentialTtl is null || credentialMaxTtl is null
            || rotation is null || certificateTtl is null || providerTokenTtl is null || skipChildToken is null
            ? null
            : new VaultSettings(kvMount, tokenTtl.Value, tokenMaxTtl.Value, credentialTtl.Value, credentialMaxTtl.Value, rotation.Value, certificateTtl.Value,
                providerTokenTtl.Value, skipChildToken.Value, intermediate);
    }

    /// <summary>A PEM certificate bundle: public data, checked for its shape only (Vault checks that it matches the CSR).</summary>
    private static string? Certificate(ValueReader value)
    {
        var text = value.String()?.Trim();
        if (text is null)
        {
            return null;
        }
        if (!text.StartsWith(PemBegin, StringComparison.Ordinal) || !text.EndsWith(PemEnd, StringComparison.Ordinal))
        {
            value.Error($"is not a PEM certificate; expected the signed intermediate from {PemBegin} to {PemEnd}, intermediate first (docs/vault-pki.md)");
            return null;
        }
        return text + "\n";
    }

    private const string PemBegin = "-----BEGIN CERTIFICATE-----";

    private const string PemEnd = "-----END CERTIFICATE-----";

    public static VaultPathGrant? ReadPathGrant(ValueReader value)
    {
        if (value.Mapping() is not { } map)
        {
            return null;
        }
        var pathValue = map.Required("path");
        var path = pathValue?.String();
        var capabilities = map.Required("capabilities")?.ListOfValues(item => item.Enum<VaultCapability>());
        map.RejectUnknownKeys();
        if (path is not null && VaultPaths.Problem(path) is { } problem)
        {
            pathValue!.Error(problem);
            path = null;
        }
        if (capabilities is { Count: 0 })
        {
            map.Context.Error(KeyPath.Child(map.Path, "capabilities"), "lists no capability; expected at least one of " + string.Join(", ", Enum.GetValues<VaultCapability>().Select(ValueReader.EnumName)));
        }
        if (capabilities is not null && capabilities.Contains(VaultCapability.Sudo))
        {
            map.Context.Error(KeyPath.Child(map.Path, "capabilities"), "sudo is not granted to people through a team; root-protected paths are operated by the platform's break-glass procedure");
        }
        return path is null || capabilities is null
            ? null
            : new VaultPathGrant(path, capabilities.Distinct().Order().ToEquatableList());
    }

    private static void RequireOrder(MappingReader map, string shortKey, TimeSpan? shortValue, string longKey, TimeSpan? longValue)
    {
        if (shortValue > longValue)
        {
            map.Context.Error(KeyPath.Child(map.Path, longKey), $"{Durations.Format(longValue!.Value)} is shorter than {shortKey} {Durations.Format(shortValue!.Value)}; the maximum must be at least the default");
        }
    }
}
