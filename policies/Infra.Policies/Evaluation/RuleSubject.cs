using Infra.Policies.Model;

namespace Infra.Policies.Evaluation;

/// <summary>What a rule's failure is reported on: the stack in a whole-stack run, the resource when one resource is judged.</summary>
public sealed record RuleSubject(string Urn, string ResourceType)
{
    public static RuleSubject Of(PolicyResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new RuleSubject(resource.Urn, resource.Type);
    }
}
