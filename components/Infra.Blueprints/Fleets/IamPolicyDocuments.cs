using System.Text;
using System.Text.Json;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>IAM policy documents as compact JSON, written in a fixed order so that a plan never shows a spurious change.</summary>
internal static class IamPolicyDocuments
{
    public const string Version = "2012-10-17";

    /// <summary>Only EC2 may assume a fleet's role.</summary>
    public static string Ec2AssumeRole() => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Effect", "Allow");
        writer.WriteStartObject("Principal");
        writer.WriteString("Service", "ec2.amazonaws.com");
        writer.WriteEndObject();
        writer.WriteString("Action", "sts:AssumeRole");
        writer.WriteEndObject();
    });

    /// <summary>The statements as one Allow policy, each with its Sid and conditions.</summary>
    public static string Allow(IReadOnlyList<PolicyStatement> statements) => Write(writer =>
    {
        foreach (var statement in statements)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", statement.Sid);
            writer.WriteString("Effect", "Allow");
            WriteList(writer, "Action", statement.Actions);
            WriteList(writer, "Resource", statement.Resources);
            if (statement.Conditions.Count > 0)
            {
                writer.WriteStartObject("Condition");
                foreach (var byOperator in statement.Conditions.GroupBy(c => c.Operator, StringComparer.Ordinal))
                {
                    writer.WriteStartObject(byOperator.Key);
                    foreach (var condition in byOperator)
                    {
                        WriteList(writer, condition.Key, condition.Values);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
    });

    /// <summary>The service's declared statements, named Declared1, Declared2... in their order.</summary>
    public static IEnumerable<PolicyStatement> Declared(IReadOnlyList<IamStatement> statements) =>
        statements.Select((s, i) => new PolicyStatement(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Declared{i + 1}"), s.Actions, s.Resources, []));

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> writeStatements)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", Version);
            writer.WriteStartArray("Statement");
            writeStatements(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
