using System.Net;
using System.Net.Sockets;

namespace Infra.Policies.Rules.Support;

/// <summary>
/// A source address range (<c>10.60.0.0/16</c>, <c>2001:db8::/32</c>) judged as a range, not as text: <c>0.0.0.0/1</c> is as
/// public as <c>0.0.0.0/0</c>. Text that is not a CIDR counts as public (it cannot be shown to be private).
/// </summary>
internal readonly record struct AddressRange(IPAddress? Address, int PrefixLength)
{
    /// <summary>Private, shared, loopback and link-local ranges (RFC 1918, 6598, 4193, 4291): traffic from them never crosses the internet.</summary>
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("::1/128"),
    ];

    public bool IsValid => Address is not null;

    public static AddressRange Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? cidr : cidr[..slash], out var address))
        {
            return default;
        }

        var maximum = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
        {
            return new AddressRange(address, maximum);
        }

        return int.TryParse(cidr.AsSpan(slash + 1), out var prefix) && prefix >= 0 && prefix <= maximum ? new AddressRange(address, prefix) : default;
    }

    /// <summary>Whether the whole range lies inside <paramref name="network"/>.</summary>
    public bool IsWithin(IPNetwork network) =>
        Address is not null && network.BaseAddress.AddressFamily == Address.AddressFamily && network.PrefixLength <= PrefixLength && network.Contains(Address);

    /// <summary>
    /// Whether some address of the range lies outside all of <paramref name="networks"/> together; with none given, outside the
    /// private ranges. The networks are judged as a union: <c>10.60.0.0/15</c> is inside <c>10.60.0.0/16</c> plus <c>10.61.0.0/16</c>.
    /// </summary>
    public bool ReachesBeyond(IReadOnlyList<IPNetwork> networks) => networks.Count == 0 ? IncludesPublicAddresses : !IsValid || !IsCoveredBy(networks);

    /// <summary>Whether any address of the range is on the internet.</summary>
    public bool IncludesPublicAddresses => !IsValid || !NonPublic.Any(IsWithin);

    /// <summary>
    /// A range no single network holds is covered when both its halves are; halving only pays while some network lies strictly
    /// inside the range (so the range is never a single address), and the recursion ends after at most one descent per
    /// network and prefix bit.
    /// </summary>
    private bool IsCoveredBy(IReadOnlyList<IPNetwork> networks)
    {
        if (networks.Any(IsWithin))
        {
            return true;
        }

        var (network, prefix) = (new IPNetwork(Masked(PrefixLength), PrefixLength), PrefixLength);
        var narrowerInside = networks.Any(n =>
            n.BaseAddress.AddressFamily == network.BaseAddress.AddressFamily && n.PrefixLength > prefix && network.Contains(n.BaseAddress));
        return narrowerInside
            && new AddressRange(Masked(PrefixLength), PrefixLength + 1).IsCoveredBy(networks)
            && new AddressRange(WithBitSet(PrefixLength), PrefixLength + 1).IsCoveredBy(networks);
    }

    /// <summary>The range's first address: every bit from <paramref name="prefix"/> on cleared.</summary>
    private IPAddress Masked(int prefix)
    {
        var bytes = Address!.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    /// <summary>The first address of the range's upper half: the bit after the prefix set.</summary>
    private IPAddress WithBitSet(int bit)
    {
        var bytes = Masked(bit).GetAddressBytes();
        bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        return new IPAddress(bytes);
    }
}
