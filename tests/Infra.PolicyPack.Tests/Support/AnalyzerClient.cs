using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>
/// Calls the pack as the engine's gRPC client does: unary calls over plaintext HTTP/2 (prior knowledge) to
/// <c>127.0.0.1:port/pulumirpc.Analyzer/Method</c>, length-prefixed protobuf messages, status in the trailers.
/// </summary>
public sealed class AnalyzerClient(int port) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<AnalyzerHandshakeResponse> HandshakeAsync(AnalyzerHandshakeRequest request) => CallAsync("Handshake", request, AnalyzerHandshakeResponse.Parser);

    public Task<AnalyzerStackConfigureResponse> ConfigureStackAsync(AnalyzerStackConfigureRequest request) => CallAsync("ConfigureStack", request, AnalyzerStackConfigureResponse.Parser);

    public Task<PluginInfo> GetPluginInfoAsync() => CallAsync("GetPluginInfo", new Empty(), PluginInfo.Parser);

    public Task<AnalyzerInfo> GetAnalyzerInfoAsync() => CallAsync("GetAnalyzerInfo", new Empty(), AnalyzerInfo.Parser);

    public Task<Empty> ConfigureAsync(ConfigureAnalyzerRequest request) => CallAsync("Configure", request, Empty.Parser);

    public Task<AnalyzeResponse> AnalyzeAsync(AnalyzeRequest request) => CallAsync("Analyze", request, AnalyzeResponse.Parser);

    public Task<AnalyzeResponse> AnalyzeStackAsync(AnalyzeStackRequest request) => CallAsync("AnalyzeStack", request, AnalyzeResponse.Parser);

    public Task<RemediateResponse> RemediateAsync(AnalyzeRequest request) => CallAsync("Remediate", request, RemediateResponse.Parser);

    public Task<Empty> CancelAsync() => CallAsync("Cancel", new Empty(), Empty.Parser);

    public Task<T> CallAsync<T>(string method, IMessage request, MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallRawAsync(method, Frame(request.ToByteArray()), parser);
    }

    /// <summary>Sends a body as given, framed or not, for the tests of malformed requests.</summary>
    public async Task<T> CallRawAsync<T>(string method, byte[] body, MessageParser<T> parser)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(parser);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/pulumirpc.Analyzer/" + method)
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact, // plaintext HTTP/2 with prior knowledge, as gRPC clients speak
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await _http.SendAsync(message);
        var payload = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcCallException(-1, $"HTTP {(int)response.StatusCode}");
        }

        var status = Header(response, "grpc-status") ?? throw new GrpcCallException(-1, "no grpc-status");
        if (status != "0")
        {
            throw new GrpcCallException(int.Parse(status, CultureInfo.InvariantCulture), Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
        }

        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(1, 4));
        return parser.ParseFrom(payload.AsSpan(5, length));
    }

    public static byte[] Frame(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var framed = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.First()
        : response.Headers.TryGetValues(name, out var header) ? header.First()
        : null;
}
