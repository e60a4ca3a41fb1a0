using System.Text;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Tests.Loading;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}", 1L, 14L, "a")]
    [InlineData("{\"list\":[{\"x\":1},\n {\"y\":2, \"y\":3}]}", 2L, 10L, "y")]
    [InlineData("{\"é\":1,\n\"é\":2}", 2L, 1L, "é")]
    public void The_first_repeated_key_is_found_at_its_second_occurrence(string json, long line, long column, string key)
    {
        Assert.Equal(new RepeatedKey(line, column, key), JsonText.FirstRepeatedKey(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"a\":{\"x\":1},\"b\":{\"x\":1}}")]
    [InlineData("[{\"x\":1},{\"x\":2}]")]
    [InlineData("{\"a\":{\"a\":{\"a\":1}}}")]
    [InlineData("{\"a\":1,\"b\":")]
    public void The_same_key_in_different_objects_or_a_malformed_text_has_none(string json)
    {
        Assert.Null(JsonText.FirstRepeatedKey(Encoding.UTF8.GetBytes(json)));
    }
}
