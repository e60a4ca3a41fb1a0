using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Infra.Blueprints.Definition;

/// <summary>
/// An immutable list compared by its items, so that records holding lists have value equality
/// (the two loaders of a stack must produce equal definitions).
/// </summary>
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly ImmutableArray<T> items;

    public EquatableList(IEnumerable<T> items) => this.items = [.. items];

    public int Count => items.Length;

    public T this[int index] => items[index];

    public bool Equals(EquatableList<T>? other) =>
        other is not null && items.AsSpan().SequenceEqual(other.items.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
