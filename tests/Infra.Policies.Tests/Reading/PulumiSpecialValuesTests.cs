using Infra.Policies.Model;
using Infra.Policies.Reading;

namespace Infra.Policies.Tests.Reading;

/// <summary>The special values as other wire forms than JSON see them decide like the JSON readers.</summary>
public sealed class PulumiSpecialValuesTests
{
    [Fact]
    public void The_unknown_sentinel_is_unknown_and_other_text_is_text()
    {
        Assert.True(PulumiSpecialValues.FromText("04da6b54-80e4-46f7-96ec-b56ff0331ba9").IsUnknown);
        Assert.Equal("eu-west-3", PulumiSpecialValues.FromText("eu-west-3").AsString());
    }

    [Theory]
    [InlineData("1b47061264138c4ac30d75fd1eb44270", PropertyKind.Secret)]
    [InlineData("5cf8f73096256a8f31e491e813e4eb8e", PropertyKind.Unknown)] // a resource reference
    [InlineData("c44067f5952c0a294b673a41bacd8c17", PropertyKind.Unknown)] // an asset
    [InlineData(null, PropertyKind.Unknown)]
    public void A_signed_object_is_a_secret_or_an_opaque_value(string? signature, PropertyKind kind)
    {
        Assert.Equal(kind, PulumiSpecialValues.FromSignature(signature).Kind);
    }
}
