namespace Infra.Blueprints.Loading;

/// <summary>Levenshtein distance, to suggest the key a typo meant.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The few names of <paramref name="known"/> at most <paramref name="max"/> edits from <paramref name="name"/>, closest first.
    /// Fast over tens of thousands of names: a name whose length alone differs by more is never compared, and a
    /// comparison stops as soon as it cannot come within <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known, int max, int count) =>
        [.. known.Where(k => Math.Abs(k.Length - name.Length) <= max)
            .Select(k => (Name: k, Distance: Bounded(name, k, max)))
            .Where(k => k.Distance <= max)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(k => k.Name)];

    /// <summary>The distance when it is at most <paramref name="max"/>, else <paramref name="max"/> + 1.</summary>
    private static int Bounded(string a, string b, int max)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > max)
            {
                return max + 1;
            }
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>The whole distance: never more than the longer name's length, so that bound cuts nothing.</summary>
    public static int Between(string a, string b) => Bounded(a, b, Math.Max(a.Length, b.Length));
}
