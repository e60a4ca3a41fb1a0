using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static string Serialize(StackPlan plan) => JsonSerializer.Serialize(plan, Options);
}
