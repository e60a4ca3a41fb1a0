namespace Infra.PolicyPack.Grpc;

/// <summary>A call that ends with a gRPC status other than OK; the message reaches the engine as <c>grpc-message</c>.</summary>
internal sealed class GrpcException(GrpcStatusCode code, string message) : Exception(message)
{
    public GrpcStatusCode Code { get; } = code;
}
