using System.Text;
using Infra.Policies.Reading;

namespace Infra.Policies.Tests.Reading;

/// <summary>The readers' caches find a text by this hash: every byte must count, and equal texts must hash alike.</summary>
public sealed class Utf8HashTests
{
    private const string Urn = "urn:pulumi:production::infra::infra:fleet:Fleet$aws:ec2/securityGroup:SecurityGroup::ledger-web";

    [Fact]
    public void Equal_texts_hash_alike_and_never_below_zero()
    {
        for (var length = 0; length <= Urn.Length; length++)
        {
            var bytes = Encoding.UTF8.GetBytes(Urn[..length]);

            var hash = Utf8Hash.Of(bytes);

            Assert.Equal(hash, Utf8Hash.Of(bytes.ToArray()));
            Assert.True(hash >= 0);
        }
    }

    [Fact]
    public void A_change_in_any_byte_or_in_the_length_changes_the_hash()
    {
        var original = Encoding.UTF8.GetBytes(Urn);
        var hashes = new HashSet<int> { Utf8Hash.Of(original), Utf8Hash.Of(original.AsSpan(0, original.Length - 1)) };
        for (var i = 0; i < original.Length; i++)
        {
            var changed = original.ToArray();
            changed[i] ^= 1;
            hashes.Add(Utf8Hash.Of(changed));
        }

        Assert.Equal(original.Length + 2, hashes.Count);
    }
}
