using Grpc.Net.Client;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>
/// The engine's gRPC client to a running pack: the generated <see cref="Analyzer.AnalyzerClient"/> over Grpc.Net.Client,
/// plaintext HTTP/2 with prior knowledge to <c>127.0.0.1:port</c>, as the engine dials it.
/// </summary>
public sealed class PackClient : IDisposable
{
    /// <summary>The engine's limit for both directions (pulumi/pulumi plugin.go raises gRPC's 4 MiB default to 400 MiB).</summary>
    public const int MaximumMessageSize = 400 * 1024 * 1024;

    private readonly GrpcChannel _channel;

    public PackClient(int port)
    {
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaximumMessageSize,
            MaxSendMessageSize = MaximumMessageSize,
        });
        Analyzer = new Analyzer.AnalyzerClient(_channel);
    }

    public Analyzer.AnalyzerClient Analyzer { get; }

    public void Dispose() => _channel.Dispose();
}
