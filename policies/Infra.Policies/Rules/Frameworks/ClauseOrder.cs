namespace Infra.Policies.Rules.Frameworks;

/// <summary>Orders clauses by their numbers (<c>1.9</c> before <c>1.16</c>, <c>Art. 9</c> before <c>Art. 10</c>).</summary>
internal sealed class ClauseOrder : IComparer<string>
{
    public static ClauseOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var left = Numbers(x ?? "");
        var right = Numbers(y ?? "");
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return left[i].CompareTo(right[i]);
            }
        }

        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(x, y);
    }

    private static int[] Numbers(string clause) =>
        [.. clause.Split('.', ' ').Select(part => int.TryParse(part, out var n) ? n : -1).Where(n => n >= 0)];
}
