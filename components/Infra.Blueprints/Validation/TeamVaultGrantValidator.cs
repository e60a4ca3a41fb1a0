using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Vault;

namespace Infra.Blueprints.Validation;

/// <summary>
/// What a team may be granted in Vault, as an allow-list: its own KV subtree, named database
/// roles and named PKI roles. Everything else is refused, because a team path is a path to
/// escalation: write access to <c>sys/policies/acl</c> is root, <c>identity/</c> and <c>auth/</c>
/// let a member join another entity or mint a login, and a glob such as <c>s*</c> reaches them all.
/// The one exception is reading: the platform team, whose SREs debug Vault, may read and list the
/// ACL policies, the mounts and the AWS auth roles, which change nothing and hold no secret.
/// </summary>
internal static class TeamVaultGrantValidator
{
    /// <summary>Mounts whose paths operate Vault itself; no team path may reach into them.</summary>
    private static readonly string[] ReservedPrefixes = ["sys/", "identity/", "auth/"];

    /// <summary>The KV v2 path kinds of a team's subtree (<c>destroy/</c> is not one: it erases versions for good).</summary>
    private static readonly string[] KvKinds = ["data", "metadata", "delete", "undelete"];

    /// <summary>What the platform team may read to debug Vault without break-glass; written only by this program.</summary>
    private static readonly string[] PlatformDiagnosticPaths = ["sys/policies/acl", "sys/policies/acl/*", "sys/mounts", "auth/aws/role", "auth/aws/role/*"];

    private static readonly VaultCapability[] ReadCapabilities = [VaultCapability.Read, VaultCapability.List, VaultCapability.Deny];

    private static readonly VaultCapability[] DatabaseCapabilities = [VaultCapability.Read, VaultCapability.Deny];

    private static readonly VaultCapability[] PkiCapabilities = [VaultCapability.Create, VaultCapability.Update, VaultCapability.Deny];

    /// <param name="kvMount">The stack's KV v2 mount, or null when its Vault settings did not read (then only the reserved mounts are checked).</param>
    public static void Validate(IReadOnlyList<Located<TeamDefinition>> teams, string? kvMount, DocumentContext context)
    {
        foreach (var (path, team) in teams)
        {
            var grants = team.Entitlements.Vault;
            for (var i = 0; i < grants.Count; i++)
            {
                var grantPath = KeyPath.Item(KeyPath.Child(KeyPath.Child(path, "entitlements"), "vault"), i);
                foreach (var (key, problem) in Problems(team.Id, team.IsPlatform, grants[i], kvMount))
                {
                    context.Error(KeyPath.Child(grantPath, key), problem);
                }
            }
        }
    }

    /// <summary>What is wrong with one grant of a team, as (key, message); nothing when it is allowed.</summary>
    public static IEnumerable<(string Key, string Problem)> Problems(string team, bool platform, VaultPathGrant grant, string? kvMount)
    {
        var path = grant.Path;
        if (platform && PlatformDiagnosticPaths.Contains(path, StringComparer.Ordinal))
        {
            foreach (var problem in OnlyCapabilities(path, grant, ReadCapabilities, "the platform team reads Vault's configuration to debug it; it changes it only through this program"))
            {
                yield return problem;
            }
            yield break;
        }
        var literal = LiteralPrefix(path);
        var wildcard = literal.Length < path.Length;
        if (ReservedPrefixes.FirstOrDefault(p => path.StartsWith(p, StringComparison.Ordinal)) is { } reserved)
        {
            yield return ("path", $"'{path}' is in Vault's {reserved} paths, which operate Vault itself (write access to sys/policies/acl is root); "
                + Allowed(team, kvMount));
            yield break;
        }
        if (wildcard && ReservedPrefixes.FirstOrDefault(p => p.StartsWith(literal, StringComparison.Ordinal)) is { } reached)
        {
            yield return ("path", $"the glob '{path}' also matches Vault's {reached} paths, which operate Vault itself; " + Allowed(team, kvMount));
            yield break;
        }
        if (kvMount is null)
        {
            yield break;
        }

        var segments = path.Split('/');
        if (KvKinds.Any(kind => path.StartsWith($"{kvMount}/{kind}/teams/{team}/", StringComparison.Ordinal)))
        {
            if (segments[1] == "metadata" && grant.Capabilities.Contains(VaultCapability.Delete))
            {
                yield return ("capabilities", $"delete on '{path}' erases every version of a secret for good; "
                    + $"grant delete on {kvMount}/data/teams/{team}/* (a version, recoverable with undelete) instead");
            }
            yield break;
        }
        if (segments is [var kv, "destroy", ..] && kv == kvMount)
        {
            yield return ("path", $"'{path}' destroys secret versions for good; a team may delete and undelete versions, not destroy them");
            yield break;
        }
        if (NamedRole(segments, VaultNames.DatabaseMount, "creds") && !wildcard)
        {
            foreach (var problem in OnlyCapabilities(path, grant, DatabaseCapabilities, "a database role's credentials are read"))
            {
                yield return problem;
            }
            yield break;
        }
        if (NamedRole(segments, VaultNames.PkiMount, "issue") && !wildcard)
        {
            foreach (var problem in OnlyCapabilities(path, grant, PkiCapabilities, "a PKI role issues with create or update"))
            {
                yield return problem;
            }
            yield break;
        }
        string[] allowedPrefixes = [.. KvKinds.Select(kind => $"{kvMount}/{kind}/teams/{team}/"), $"{VaultNames.DatabaseMount}/creds/", $"{VaultNames.PkiMount}/issue/"];
        yield return ("path", wildcard && allowedPrefixes.Any(p => p.StartsWith(literal, StringComparison.Ordinal))
            ? $"the glob '{path}' reaches beyond the team's own subtree; " + Allowed(team, kvMount)
            : $"'{path}' is outside what a team may be granted; " + Allowed(team, kvMount));
    }

    private static bool NamedRole(string[] segments, string mount, string kind) =>
        segments is [var m, var k, var role] && m == mount && k == kind && role.Length > 0;

    private static IEnumerable<(string, string)> OnlyCapabilities(string path, VaultPathGrant grant, VaultCapability[] allowed, string why)
    {
        var extra = grant.Capabilities.Where(c => !allowed.Contains(c)).ToList();
        if (extra.Count > 0)
        {
            yield return ("capabilities", $"{string.Join(", ", extra.Select(Name))} on '{path}' is not allowed; {why}: "
                + string.Join(", ", allowed.Select(Name)));
        }
    }

    /// <summary>The path up to its first glob or <c>+</c> segment: what the path matches literally.</summary>
    private static string LiteralPrefix(string path)
    {
        var star = path.IndexOf('*', StringComparison.Ordinal);
        var plus = path.StartsWith('+') ? 0 : path.IndexOf("/+", StringComparison.Ordinal) is var at and >= 0 ? at + 1 : -1;
        var cut = new[] { star, plus }.Where(i => i >= 0).DefaultIfEmpty(path.Length).Min();
        return path[..cut];
    }

    private static string Allowed(string team, string? kvMount) =>
        $"a team may be granted {(kvMount ?? "<kvMount>")}/{{data,metadata,delete,undelete}}/teams/{team}/..., "
        + $"{VaultNames.DatabaseMount}/creds/<role> and {VaultNames.PkiMount}/issue/<role> (named roles, no glob); "
        + $"a platform team also read and list on {string.Join(", ", PlatformDiagnosticPaths)}";

    private static string Name(VaultCapability capability) => capability.ToString().ToLowerInvariant();
}
