using System.Buffers.Binary;
using System.Text;

namespace Infra.PolicyPack.Grpc;

/// <summary>
/// gRPC over HTTP/2 (grpc/grpc doc/PROTOCOL-HTTP2.md): a message is a 5-byte prefix (compressed flag, big-endian
/// length) and the protobuf bytes; the status travels in the <c>grpc-status</c>/<c>grpc-message</c> trailers.
/// </summary>
internal static class GrpcFraming
{
    public const string ContentType = "application/grpc";
    public const int PrefixLength = 5;

    /// <summary>The one message of a unary request body; null when the body is not exactly one uncompressed message.</summary>
    public static ReadOnlyMemory<byte>? SingleMessage(ReadOnlyMemory<byte> body)
    {
        if (body.Length < PrefixLength || body.Span[0] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.Span[1..PrefixLength]);
        return length == body.Length - PrefixLength ? body[PrefixLength..] : null;
    }

    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var framed = new byte[PrefixLength + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed.AsSpan(PrefixLength));
        return framed;
    }

    /// <summary><c>grpc-message</c> is percent-encoded UTF-8: printable ASCII but '%' passes as is.</summary>
    public static string EncodeMessage(string message)
    {
        var text = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
