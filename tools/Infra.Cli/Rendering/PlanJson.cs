using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Planning;

namespace Infra.Cli.Rendering;

/// <summary>The plan as JSON, for pipelines and merge-request notes.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The plan, with a <c>kafka</c> member: the stack's Kafka blueprint and, given a state, the topic changes.</summary>
    public static string Serialize(StackPlan plan, KafkaTopicsBlueprint kafka, KafkaChangePlan? changes)
    {
        var root = JsonSerializer.SerializeToNode(plan, Options)!.AsObject();
        root["kafka"] = JsonSerializer.SerializeToNode(new { blueprint = kafka, changes }, Options);
        return root.ToJsonString(Options);
    }
}
