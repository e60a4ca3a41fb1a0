using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Consul;

/// <summary>
/// No token that the stack manages holds Consul's built-in <c>global-management</c> policy (by name or by its fixed ID).
/// Flags: <c>new consul.AclToken("ops", { policies: ["global-management"] })</c>, or an <c>AclTokenPolicyAttachment</c> of it.
/// </summary>
public sealed class ConsulTokenNoGlobalManagementRule : PolicyRule
{
    public const string Code = "consul-acl-token-no-global-management";

    private const string PolicyName = "global-management";

    private const string PolicyId = "00000000-0000-0000-0000-000000000001";

    public override string Id => Code;

    public override string Title => "No managed Consul token holds global-management";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConsulAclToken, TypeTokens.ConsulAclTokenPolicyAttachment];

    public override string Rationale => "global-management is Consul's root: it edits every ACL, intention and key, so it is the bootstrap token's alone, kept offline for break-glass.";

    public override string Remediation => "Give the token a policy with the rules it needs (the people tokens get people-read or people-write).";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.2", "ISO 27001 A.8.2"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        if (resource.Type == TypeTokens.ConsulAclTokenPolicyAttachment)
        {
            if (IsGlobalManagement(resource.Property("policy").AsString()))
            {
                yield return new PropertyIssue("policy", "the attachment gives the token the global-management policy");
            }

            yield break;
        }

        var policies = resource.Property("policies").Items;
        for (var i = 0; i < policies.Count; i++)
        {
            if (IsGlobalManagement(policies[i].AsString()))
            {
                yield return new PropertyIssue($"policies[{i}]", "the token holds the global-management policy");
            }
        }
    }

    private static bool IsGlobalManagement(string? policy) => policy is PolicyName or PolicyId;
}
