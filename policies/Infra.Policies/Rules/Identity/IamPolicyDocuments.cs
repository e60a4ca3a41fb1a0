using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Identity;

/// <summary>The permission policy documents a resource carries: <c>policy</c> of policies, or a role's <c>inlinePolicies[].policy</c>.</summary>
internal static class IamPolicyDocuments
{
    public static readonly IReadOnlyList<string> Types =
        [TypeTokens.IamPolicy, TypeTokens.IamRolePolicy, TypeTokens.IamUserPolicy, TypeTokens.IamGroupPolicy, TypeTokens.IamRole];

    /// <summary>Each document with the property path it sits at.</summary>
    public static IEnumerable<(string Path, PolicyDocument Document)> Of(PolicyResource resource)
    {
        if (resource.Type == TypeTokens.IamRole)
        {
            var inline = resource.Property("inlinePolicies").Items;
            for (var i = 0; i < inline.Count; i++)
            {
                yield return ($"inlinePolicies[{i}].policy", PolicyDocument.Parse(inline[i]["policy"]));
            }

            yield break;
        }

        yield return ("policy", PolicyDocument.Parse(resource.Property("policy")));
    }

    /// <summary>Each allowing statement of the resource's readable documents, with its path.</summary>
    public static IEnumerable<(string Path, PolicyStatement Statement)> AllowStatements(PolicyResource resource) =>
        Of(resource).SelectMany(d => d.Document.Statements.Where(s => s.IsAllow).Select(s => (d.Path, s)));
}
