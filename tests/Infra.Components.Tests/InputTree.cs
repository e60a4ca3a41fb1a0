using System.Collections;

namespace Infra.Components.Tests;

/// <summary>Reads the inputs the mock engine received: nested maps and lists of plain values (numbers arrive as doubles).</summary>
internal static class InputTree
{
    public static IReadOnlyDictionary<string, object> Map(object value) => Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(value);

    public static List<object> List(object value) => Assert.IsAssignableFrom<IEnumerable>(value).Cast<object>().ToList();

    public static IReadOnlyDictionary<string, object> Map(IReadOnlyDictionary<string, object> parent, string key) => Map(parent[key]);

    public static IReadOnlyDictionary<string, object> First(IReadOnlyDictionary<string, object> parent, string key) => Map(List(parent[key])[0]);
}
