using System.Text.Json;
using Infra.Policies.Model;
using Infra.Policies.Reading;

namespace Infra.Policies.Tests.Reading;

/// <summary>Property values in Pulumi's JSON form: secrets opaque, unknowns unknown, the rest as written.</summary>
public sealed class PulumiPropertyJsonTests
{
    [Fact]
    public void Values_keep_their_kinds_and_secrets_lose_their_content()
    {
        using var document = JsonDocument.Parse("""
            {"port":8443,"enabled":true,"name":"ledger","list":["a","b"],"none":null,
             "password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"hunter2\""},
             "arn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}
            """);

        var value = PulumiPropertyJson.Read(document.RootElement);

        Assert.Equal(8443, value["port"].AsNumber());
        Assert.True(value["enabled"].AsBoolean());
        Assert.Equal("ledger", value["name"].AsString());
        Assert.Equal(["a", "b"], value["list"].AsStrings());
        Assert.False(value["none"].IsPresent);
        Assert.Equal(PropertyKind.Secret, value["password"].Kind);
        Assert.DoesNotContain("hunter2", value["password"].ToString(), StringComparison.Ordinal);
        Assert.True(value["arn"].IsUnknown);
        Assert.False(value.At("missing.deeper").IsPresent);
    }
}
