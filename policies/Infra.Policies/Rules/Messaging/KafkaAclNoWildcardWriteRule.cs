using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Messaging;

/// <summary>
/// No principal may write (or alter, create, delete) topics by a wildcard or a prefix: a write grant names one topic.
/// Flags: <c>new kafka.Acl("x", { aclResourceType: "Topic", aclResourceName: "payments.", resourcePatternTypeFilter: "Prefixed", aclOperation: "Write" })</c>,
/// or <c>aclResourceName: "*"</c>, or <c>aclResourceType: "Any"</c>. Prefixed reads and prefixed grants on a service's own
/// consumer groups or transactional ids are not flagged.
/// </summary>
public sealed class KafkaAclNoWildcardWriteRule : PolicyRule
{
    public const string Code = "kafka-acl-no-wildcard-topic-write";

    private static readonly HashSet<string> Writes = new(StringComparer.OrdinalIgnoreCase) { "Write", "All", "Create", "Delete", "Alter", "AlterConfigs" };

    public override string Id => Code;

    public override string Title => "Kafka ACLs grant topic writes on one literal topic only";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.KafkaAcl];

    public override string Rationale => "A wildcard or prefixed write lets a service write topics that do not exist yet, including another team's, "
        + "so the producers the catalog lists are no longer the only writers.";

    public override string Remediation => "Grant Write on each topic by its literal name (resourcePatternTypeFilter Literal), as the catalog's producers derive them.";

    public override IReadOnlyList<string> Frameworks { get; } = ["PCI DSS 7.2.1", "ISO 27001 A.8.3"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var type = resource.Property("aclResourceType");
        var operation = resource.Property("aclOperation");
        var name = resource.Property("aclResourceName");
        var pattern = resource.Property("resourcePatternTypeFilter");
        if (type.IsUnknown || operation.IsUnknown || name.IsUnknown || pattern.IsUnknown)
        {
            yield break;
        }
        var resourceType = type.AsString() ?? "";
        if (!Writes.Contains(operation.AsString() ?? "") || !(resourceType.Equals("Topic", StringComparison.OrdinalIgnoreCase) || resourceType.Equals("Any", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }
        if (resourceType.Equals("Any", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PropertyIssue("aclResourceType", $"{operation.AsString()} on resource type Any covers every topic; grant it on a Topic");
        }
        else if (name.AsString() == "*")
        {
            yield return new PropertyIssue("aclResourceName", $"{operation.AsString()} on topic '*' is every topic; grant it on one topic by name");
        }
        // The provider's default pattern is Literal; Prefixed, Match and Any all reach more than one topic.
        else if ((pattern.AsString() ?? "Literal") is var p && !p.Equals("Literal", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PropertyIssue("resourcePatternTypeFilter", $"{operation.AsString()} on topics matching '{name.AsString()}' ({p}); grant it on one topic by its literal name");
        }
    }
}
