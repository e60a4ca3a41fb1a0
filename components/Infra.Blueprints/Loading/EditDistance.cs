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

    /// <summary>
    /// The distance when it is at most <paramref name="max"/>, else <paramref name="max"/> + 1. Only the band of cells within
    /// <paramref name="max"/> of the diagonal is computed (a cell outside it is already further), on the stack for names
    /// of usual length: a thousand unknown names against ten thousand known ones stay fast.
    /// </summary>
    private static int Bounded(string a, string b, int max)
    {
        var beyond = max + 1;
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return beyond;
        }
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = Math.Min(j, beyond);
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - max);
            var to = Math.Min(b.Length, i + max);
            current[from - 1] = from == 1 ? Math.Min(i, beyond) : beyond;
            var rowMinimum = current[from - 1];
            for (var j = from; j <= to; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(beyond, Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (to < b.Length)
            {
                current[to + 1] = beyond;
            }
            if (rowMinimum > max)
            {
                return beyond;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return Math.Min(previous[b.Length], beyond);
    }

    /// <summary>The whole distance: never more than the longer name's length, so that bound cuts nothing.</summary>
    public static int Between(string a, string b) => Bounded(a, b, Math.Max(a.Length, b.Length));
}
