namespace Infra.Blueprints.Definition;

/// <summary>Builds <see cref="EquatableList{T}"/> from collection expressions and sequences.</summary>
public static class EquatableList
{
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T> items) => new(items);
}
