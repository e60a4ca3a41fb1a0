using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>One statement of an IAM policy document, as the IAM rules need it.</summary>
internal sealed record PolicyStatement(string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, bool HasNotAction)
{
    private const string EffectKey = "Effect";

    /// <summary>The statements of a policy document given as JSON text (how state stores it) or as an object.</summary>
    public static IReadOnlyList<PolicyStatement> Parse(PropertyValue policy)
    {
        if (policy.AsString() is { } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return policy.Kind == PropertyKind.Map ? FromTree(policy) : [];
    }

    private static List<PolicyStatement> FromJson(JsonElement root)
    {
        var result = new List<PolicyStatement>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Statement", out var statements))
        {
            return result;
        }

        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
        foreach (var statement in list.Where(s => s.ValueKind == JsonValueKind.Object))
        {
            result.Add(new PolicyStatement(
                statement.TryGetProperty(EffectKey, out var effect) ? effect.GetString() ?? "" : "",
                Strings(statement, "Action"),
                Strings(statement, "Resource"),
                statement.TryGetProperty("NotAction", out _)));
        }

        return result;
    }

    private static List<PolicyStatement> FromTree(PropertyValue root)
    {
        var statements = root["statements"].IsPresent ? root["statements"] : root["Statement"];
        var list = statements.Kind == PropertyKind.List ? statements.Items : [statements];
        return [.. list.Where(s => s.Kind == PropertyKind.Map).Select(s => new PolicyStatement(
            s[EffectKey].AsString() ?? s["effect"].AsString() ?? "Allow",
            [.. (s["Action"].IsPresent ? s["Action"] : s["actions"]).AsStrings()],
            [.. (s["Resource"].IsPresent ? s["Resource"] : s["resources"]).AsStrings()],
            s["NotAction"].IsPresent || s["notActions"].IsPresent))];
    }

    private static string[] Strings(JsonElement statement, string name)
    {
        if (!statement.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            _ => [],
        };
    }
}
