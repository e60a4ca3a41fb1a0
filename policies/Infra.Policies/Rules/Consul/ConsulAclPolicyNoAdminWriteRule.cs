using System.Text.RegularExpressions;
using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Consul;

/// <summary>
/// No Consul ACL policy that the stack manages grants write on <c>acl</c>, <c>operator</c> or <c>keyring</c>: those
/// administer the cluster itself (tokens and policies, Raft peers and autopilot, the gossip encryption keys).
/// Flags: <c>new consul.AclPolicy("ops", { rules: "operator = \"write\"" })</c>.
/// </summary>
public sealed partial class ConsulAclPolicyNoAdminWriteRule : PolicyRule
{
    public const string Code = "consul-acl-policy-no-cluster-admin-write";

    public override string Id => Code;

    public override string Title => "No Consul policy administers ACLs, operators or the keyring";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConsulAclPolicy];

    public override string Rationale => "acl = write mints any token, operator = write removes Raft peers, keyring = write replaces the gossip key: each is the whole cluster, for a service or a person alike.";

    public override string Remediation => "Grant node, service and key rules with the narrowest prefix; cluster administration stays with the bootstrap token, offline.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Property("rules").AsString() is not { } rules)
        {
            yield break;
        }

        foreach (Match match in AdminWrite().Matches(rules))
        {
            yield return new PropertyIssue("rules", $"the rules grant {match.Groups[1].Value} = \"write\"");
        }
    }

    /// <summary>HCL (<c>acl = "write"</c>) or JSON (<c>"acl": "write"</c>); <c>key_prefix "acl" { ... }</c> is a key, not the rule.</summary>
    [GeneratedRegex("""(?<![\w-])"?(acl|operator|keyring)"?\s*[=:]\s*"write"(?!\w)""")]
    private static partial Regex AdminWrite();
}
