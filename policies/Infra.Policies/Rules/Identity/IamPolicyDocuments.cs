using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Identity;

/// <summary>The policy documents a resource carries: <c>policy</c> of policies, or a role's <c>inlinePolicies[].policy</c>.</summary>
internal static class IamPolicyDocuments
{
    public static readonly IReadOnlyList<string> Types =
        [TypeTokens.IamPolicy, TypeTokens.IamRolePolicy, TypeTokens.IamUserPolicy, TypeTokens.IamGroupPolicy, TypeTokens.IamRole];

    public static IEnumerable<(string Where, PolicyStatement Statement)> Of(PolicyResource resource)
    {
        if (resource.Type == TypeTokens.IamRole)
        {
            var inline = resource.Property("inlinePolicies").Items;
            for (var i = 0; i < inline.Count; i++)
            {
                foreach (var statement in PolicyStatement.Parse(inline[i]["policy"]))
                {
                    yield return ($"inlinePolicies[{i}]", statement);
                }
            }

            yield break;
        }

        foreach (var statement in PolicyStatement.Parse(resource.Property("policy")))
        {
            yield return ("policy", statement);
        }
    }

    public static bool IsAllow(PolicyStatement statement) => string.Equals(statement.Effect, "Allow", StringComparison.OrdinalIgnoreCase);
}
