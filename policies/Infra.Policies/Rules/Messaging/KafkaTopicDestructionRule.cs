using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// A preview neither replaces a topic nor deletes one that the catalog does not mark <c>delete: true</c>.
/// Flags: a <c>pulumi preview --json</c> step <c>{"op": "replace"}</c> on a <c>kafka:index/topic:Topic</c> (a replication
/// factor change or a partition decrease), or <c>{"op": "delete"}</c> on a topic that is missing from the catalog. It judges
/// previews (<c>infra compliance --preview</c>) only: a stack export holds no steps, and the engine gives the policy pack
/// final states only, so there it reports nothing.
/// </summary>
public sealed class KafkaTopicDestructionRule : PolicyRule
{
    public const string Code = "kafka-topic-no-unmarked-destruction";

    public override string Id => Code;

    public override string Title => "Previews replace no topic and delete only topics marked for deletion";

    public override RuleSeverity Severity => RuleSeverity.Critical;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaTopic];

    public override string Rationale => "Replacing or deleting a topic loses its messages: payments and postings that consumers have not read yet.";

    public override string Remediation => "Keep the topic in stacks/catalog/kafka-topics.yaml; to delete it, mark it delete: unprotect, release, then delete: true; "
        + "to change its replication factor or shrink it, delete it that way and declare it again.";

    public override IReadOnlyList<string> Frameworks { get; } = ["ISO 27001 A.8.13", "DORA Art. 12"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(context);
        if (context.TopicsMarkedForDeletion is not { } marked)
        {
            yield break;
        }

        foreach (var step in resources.DestructiveSteps.Where(s => AppliesTo(s.Resource.Type)))
        {
            var name = step.Resource.Property("name").AsString() ?? step.Resource.Name;
            if (step.Operation == DestructiveStep.Replace)
            {
                yield return Finding(step.Resource, $"the preview replaces topic {name}, which deletes it with its messages and creates it empty; "
                    + "a replication factor change or a partition decrease is done as a marked deletion, then a new declaration");
            }
            else if (!marked.Contains(name))
            {
                yield return Finding(step.Resource, $"the preview deletes topic {name}, which stacks/catalog/kafka-topics.yaml does not mark delete: true on stack {context.StackName}");
            }
        }
    }
}
