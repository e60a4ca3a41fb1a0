using Infra.Policies.Model;

namespace Infra.Policies.Tests.Model;

/// <summary>
/// Lookups answer the same whatever holds the fields or items: the readers' own maps and arrays, or the dictionaries and
/// lists the policy pack builds; a lookup of the wrong kind is null, and any part of an unknown value is unknown.
/// </summary>
public sealed class PropertyValueTests
{
    private static readonly PropertyValue Port = PropertyValue.FromNumber(443);

    public static TheoryData<PropertyValue> Objects => new()
    {
        PropertyValue.FromFields(new Dictionary<string, PropertyValue> { ["port"] = Port, ["cidrs"] = PropertyValue.FromItems(new List<PropertyValue> { PropertyValue.FromString("10.0.0.0/8") }) }),
        PropertyValue.FromFields(new PropertyMap(["port", "cidrs"], [Port, PropertyValue.FromItems([PropertyValue.FromString("10.0.0.0/8")])])),
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Fields_and_items_are_found_in_either_form(PropertyValue value)
    {
        Assert.Same(Port, value["port"]);
        Assert.Same(Port, value.At("port"));
        Assert.Equal("10.0.0.0/8", value.At("cidrs")[0].AsString());
        Assert.Equal(["10.0.0.0/8"], value["cidrs"].Items.Select(i => i.AsString()));
        Assert.Equal(["port", "cidrs"], value.Fields.Keys);
        Assert.False(value["missing"].IsPresent);
        Assert.False(value["cidrs"][1].IsPresent);
        Assert.False(value["cidrs"][-1].IsPresent);
    }

    [Fact]
    public void A_lookup_of_the_wrong_kind_is_null_and_of_an_unknown_value_unknown()
    {
        var text = PropertyValue.FromString("tcp");
        var list = PropertyValue.FromItems([Port]);

        Assert.Equal((PropertyKind.Null, PropertyKind.Null, PropertyKind.Null), (text["port"].Kind, text[0].Kind, list["port"].Kind));
        Assert.Empty(text.Items);
        Assert.Empty(list.Fields);
        Assert.Empty(PropertyValue.Secret.Fields);
        Assert.Same(PropertyValue.Unknown, PropertyValue.Unknown["port"]);
        Assert.Same(PropertyValue.Unknown, PropertyValue.Unknown[0]);
        Assert.Same(PropertyValue.Unknown, PropertyValue.Unknown.At("a.b"));
    }
}
