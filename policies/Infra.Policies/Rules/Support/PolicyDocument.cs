using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>
/// An IAM policy document given as JSON text (how state stores it) or as an object. A text that is not a JSON object
/// with a <c>Statement</c> is unreadable: AWS would reject it or it grants what no one reviewed, so rules report it.
/// An unknown or secret value is not judged.
/// </summary>
internal sealed record PolicyDocument(bool IsReadable, string? Error, IReadOnlyList<PolicyStatement> Statements)
{
    private static readonly PolicyDocument Empty = new(true, null, []);

    public static PolicyDocument Parse(PropertyValue policy)
    {
        if (policy.AsString() is { } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Statement", out var statements))
                {
                    return Unreadable("it is not a JSON object with a Statement");
                }

                var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
                return list.Any(s => s.ValueKind != JsonValueKind.Object)
                    ? Unreadable("a Statement is not an object")
                    : new PolicyDocument(true, null, [.. list.Select(FromJson)]);
            }
            catch (JsonException e)
            {
                return Unreadable($"it is not valid JSON ({e.Message.Split('.')[0]})");
            }
        }

        return policy.Kind == PropertyKind.Map ? new PolicyDocument(true, null, FromTree(policy)) : Empty;
    }

    private static PolicyDocument Unreadable(string error) => new(false, error, []);

    private static PolicyStatement FromJson(JsonElement statement, int index) => new(
        index,
        statement.TryGetProperty("Effect", out var effect) && effect.ValueKind == JsonValueKind.String ? effect.GetString()! : "",
        Strings(statement, "Action"),
        Strings(statement, "NotAction"),
        Strings(statement, "Resource"),
        Strings(statement, "NotResource"),
        Principals(statement),
        Conditions(statement));

    private static List<PolicyStatement> FromTree(PropertyValue root)
    {
        var statements = root["statements"].IsPresent ? root["statements"] : root["Statement"];
        var list = statements.Kind == PropertyKind.List ? statements.Items : [statements];
        return [.. list.Where(s => s.Kind == PropertyKind.Map).Select((s, i) => new PolicyStatement(
            i,
            s["Effect"].AsString() ?? s["effect"].AsString() ?? "Allow",
            [.. Either(s, "Action", "actions").AsStrings()],
            [.. Either(s, "NotAction", "notActions").AsStrings()],
            [.. Either(s, "Resource", "resources").AsStrings()],
            [.. Either(s, "NotResource", "notResources").AsStrings()],
            [],
            []))];
    }

    private static PropertyValue Either(PropertyValue statement, string documentName, string schemaName) =>
        statement[documentName].IsPresent ? statement[documentName] : statement[schemaName];

    private static List<PolicyPrincipal> Principals(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return [];
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return [new PolicyPrincipal("*", principal.GetString()!)];
        }

        return principal.ValueKind != JsonValueKind.Object
            ? []
            : [.. principal.EnumerateObject().SelectMany(kind => Strings(kind.Value).Select(value => new PolicyPrincipal(kind.Name, value)))];
    }

    private static List<PolicyCondition> Conditions(JsonElement statement)
    {
        if (!statement.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return
        [
            .. condition.EnumerateObject()
                .Where(test => test.Value.ValueKind == JsonValueKind.Object)
                .SelectMany(test => test.Value.EnumerateObject().Select(key => new PolicyCondition(test.Name, key.Name, ConditionValues(key.Value)))),
        ];
    }

    /// <summary>A condition's values as text: <c>"false"</c>, <c>false</c> and <c>["false"]</c> are the same test.</summary>
    private static string[] ConditionValues(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(ConditionValues)],
        JsonValueKind.Number => [value.GetRawText()],
        _ => Strings(value),
    };

    private static string[] Strings(JsonElement statement, string name) =>
        statement.TryGetProperty(name, out var value) ? Strings(value) : [];

    private static string[] Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };
}
