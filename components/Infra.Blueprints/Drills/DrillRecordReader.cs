using System.Globalization;
using System.Text.Json;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Drills;

/// <summary>
/// Reads a drill record: <c>{"stack": "staging", "day": "2026-09-15", "steps": [{"id": "switchover", "seconds": 212}]}</c>.
/// A broken record is an error naming the file and what is wrong, never a silent fallback to the estimates.
/// </summary>
public static class DrillRecordReader
{
    /// <returns>The record, or null with <paramref name="error"/> saying what is wrong where.</returns>
    public static DrillRecord? Read(string text, string file, string stack, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var recorded = root.GetProperty("stack").GetString();
            if (recorded != stack)
            {
                error = $"{file}: stack is '{recorded}'; expected '{stack}'";
                return null;
            }
            var day = DateOnly.ParseExact(root.GetProperty("day").GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var steps = new List<MeasuredStep>();
            foreach (var step in root.GetProperty("steps").EnumerateArray())
            {
                var id = step.GetProperty("id").GetString() ?? "";
                var seconds = step.GetProperty("seconds").GetDouble();
                if (id.Length == 0 || seconds < 0)
                {
                    error = $"{file}: step '{id}' needs an id and seconds of 0 or more";
                    return null;
                }
                steps.Add(new MeasuredStep(id, TimeSpan.FromSeconds(seconds)));
            }
            return new DrillRecord(stack, day, steps.ToEquatableList());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = $"{file}: not a drill record ({e.Message}); expected {{\"stack\": \"{stack}\", \"day\": \"yyyy-MM-dd\", \"steps\": [{{\"id\": \"switchover\", \"seconds\": 212}}]}}";
            return null;
        }
    }
}
