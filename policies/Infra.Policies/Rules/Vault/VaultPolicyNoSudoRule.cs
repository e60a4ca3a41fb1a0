using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Vault;

/// <summary>
/// Vault policies grant no <c>sudo</c> capability, nothing on the root path <c>*</c>, and no write on a path that
/// escalates: ACL policies, auth methods and their roles, identity, mounts, audit devices.
/// Flags: <c>path "sys/*" { capabilities = ["read", "sudo"] }</c>, <c>path "*" { capabilities = ["read"] }</c>,
/// <c>path "sys/policies/acl/*" { capabilities = ["create", "update"] }</c> or <c>path "s*" { capabilities = ["update"] }</c>.
/// Policies are read in HCL or JSON. The platform's break-glass policy, if any, carries a waiver.
/// </summary>
public sealed class VaultPolicyNoSudoRule : PolicyRule
{
    public const string Code = "vault-policy-no-sudo-or-root";

    /// <summary>The HCL document (the provider's input is <c>policy</c>; C#'s argument is <c>PolicyContents</c>).</summary>
    private const string PolicyProperty = "policy";

    public override string Id => Code;

    /// <summary>Paths where a write makes its holder root or lets it become someone else, each with what it controls.</summary>
    private static readonly (string Prefix, string What)[] EscalationPaths =
    [
        ("sys/policies/", "Vault's policies"),
        ("sys/policy", "Vault's policies"),
        ("sys/auth", "the auth methods"),
        ("auth/", "the auth methods' roles and users"),
        ("identity/", "identities and group memberships"),
        ("sys/mounts", "the secrets engines"),
        ("sys/audit", "the audit devices"),
        ("sys/raw", "Vault's raw storage"),
    ];

    /// <summary>
    /// Token paths that reach no further than the token itself: renewing, revoking or reading it (Vault's default policy
    /// grants these), and creating a child token, which carries a subset of the creator's policies (other policies, an
    /// orphan or a chosen id need sudo; a token role, at <c>auth/token/create/&lt;role&gt;</c>, may grant others and stays judged).
    /// </summary>
    private static readonly HashSet<string> SelfLimitedTokenPaths = new(StringComparer.Ordinal)
    {
        "auth/token/renew-self", "auth/token/revoke-self", "auth/token/lookup-self", "auth/token/create",
    };

    private static readonly HashSet<string> WriteCapabilities = new(StringComparer.Ordinal) { "create", "update", "patch", "delete", "sudo" };

    public override string Title => "Vault policies grant no sudo, nothing on the root path, and no write on an escalation path";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.VaultPolicy];

    public override string Rationale => "sudo, '*' paths and writes to policies, auth methods, identity, mounts or audit devices amount to root on Vault: every credential of the bank.";

    public override string Remediation => "Grant the team's own KV subtree and named roles only; root-level operations use the break-glass procedure.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2", "DORA Art. 9"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("name").AsString() == "root")
        {
            yield return new PropertyIssue("name", "the policy is named 'root'");
        }

        if (resource.Property(PolicyProperty).AsString() is not { } text)
        {
            yield break;
        }

        var (paths, error) = VaultPolicyPaths.Parse(text);
        if (error is not null)
        {
            yield return new PropertyIssue(PolicyProperty, error);
        }

        foreach (var (path, capabilities) in paths)
        {
            if (capabilities.Contains("sudo"))
            {
                yield return new PropertyIssue(PolicyProperty, $"path \"{path}\" grants sudo");
            }

            if (path is "*" or "/*" && capabilities.Any(c => c != "deny"))
            {
                yield return new PropertyIssue(PolicyProperty, $"path \"{path}\" grants {string.Join(", ", capabilities)} on everything (root-equivalent)");
                continue;
            }

            var writes = capabilities.Where(WriteCapabilities.Contains).ToList();
            // Judged without a leading '/', as Vault matches "/sys/auth/x" and "sys/auth/x" alike.
            var relative = path.TrimStart('/');
            if (writes.Count > 0 && !SelfLimitedTokenPaths.Contains(relative) && EscalationPaths.FirstOrDefault(e => MayMatchUnder(relative, e.Prefix)) is { Prefix: not null } escalation)
            {
                yield return new PropertyIssue(PolicyProperty, $"path \"{path}\" grants {string.Join(", ", writes)} on {escalation.What} ({escalation.Prefix}...): an escalation to root");
            }
        }
    }

    /// <summary>
    /// Whether the policy path <paramref name="pattern"/> (a final <c>*</c> glob, <c>+</c> segments) matches some path that
    /// starts with <paramref name="prefix"/>: <c>s*</c>, <c>+/policies/acl/x</c> and <c>sys/policies/acl/team</c> all do for <c>sys/policies/</c>.
    /// </summary>
    public static bool MayMatchUnder(string pattern, string prefix)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(prefix);
        int i = 0, j = 0;
        while (i < pattern.Length)
        {
            if (j == prefix.Length || pattern[i] == '*')
            {
                return true;
            }
            if (pattern[i] == '+' && (i == 0 || pattern[i - 1] == '/') && (i + 1 == pattern.Length || pattern[i + 1] == '/'))
            {
                var end = prefix.IndexOf('/', j);
                if (end < 0)
                {
                    return true;
                }
                i++;
                j = end;
                continue;
            }
            if (pattern[i] != prefix[j])
            {
                return false;
            }
            i++;
            j++;
        }
        return j == prefix.Length;
    }
}
