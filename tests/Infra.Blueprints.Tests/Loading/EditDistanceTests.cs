using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>The suggestions' distance: exact within its bound, and the same as the whole distance where both apply.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("payments.bulk1.creatd.v1", "payments.bulk1.created.v1", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abcdef", "badcfe", 4)]
    [InlineData("flaw", "lawn", 2)]
    public void The_whole_distance_is_levenshtein(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }

    [Fact]
    public void Closest_keeps_names_within_the_bound_closest_first_and_agrees_with_the_whole_distance()
    {
        var known = Enumerable.Range(0, 2000).Select(i => $"payments.bulk{i}.created.v1").Append("payments.bulk7.creatd.v2").ToList();

        var closest = EditDistance.Closest("payments.bulk7.creatd.v1", known, 3, 5);

        Assert.Equal(["payments.bulk7.creatd.v2", "payments.bulk7.created.v1"], closest.Take(2));
        Assert.Equal(5, closest.Count);
        Assert.All(closest, c => Assert.True(EditDistance.Between("payments.bulk7.creatd.v1", c) <= 3, c));
        var expected = known.Select(k => (Name: k, Distance: EditDistance.Between("payments.bulk7.creatd.v1", k)))
            .Where(k => k.Distance <= 3).OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).Take(5).Select(k => k.Name);
        Assert.Equal(expected, closest);
    }
}
