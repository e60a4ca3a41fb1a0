using System.Buffers.Binary;

namespace Infra.Policies.Reading;

/// <summary>
/// The hash of the readers' string caches: a multiplicative hash over eight bytes at a time. <see cref="HashCode.AddBytes"/>
/// mixes four bytes per round one round after another, which made hashing a tenth of the CPU of reading a large state
/// (a URN is about a hundred bytes); a collision here only costs a comparison.
/// </summary>
internal static class Utf8Hash
{
    /// <summary>A non-negative hash of <paramref name="bytes"/>, its low bits mixed for power-of-two tables.</summary>
    public static int Of(ReadOnlySpan<byte> bytes)
    {
        var hash = 0xcbf29ce484222325UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0x100000001b3UL;
            hash ^= hash >> 29;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        foreach (var b in bytes)
        {
            tail = (tail << 8) | b;
        }

        hash = (hash ^ tail) * 0x100000001b3UL;
        return (int)(hash ^ (hash >> 32)) & int.MaxValue;
    }
}
