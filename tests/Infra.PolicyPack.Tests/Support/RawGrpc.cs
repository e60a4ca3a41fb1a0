using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>
/// A unary gRPC call whose request body the test writes byte for byte (HTTP/2 with prior knowledge, content type
/// <c>application/grpc</c>), for the tests of malformed framing that a gRPC client would never send.
/// </summary>
public static class RawGrpc
{
    /// <summary>How a raw call ended: the HTTP status, and the gRPC status and message from the trailers (or headers).</summary>
    public sealed record Outcome(HttpStatusCode HttpStatus, int? GrpcStatus, string GrpcMessage);

    /// <summary>The 5-byte prefix (not compressed, big-endian length) and the message.</summary>
    public static byte[] Frame(byte[] message, int? declaredLength = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var framed = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)(declaredLength ?? message.Length));
        message.CopyTo(framed, 5);
        return framed;
    }

    public static async Task<Outcome> CallAsync(int port, string method, byte[] body)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/pulumirpc.Analyzer/{method}")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status");
        return new Outcome(response.StatusCode, status is null ? null : int.Parse(status, CultureInfo.InvariantCulture),
            Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
