namespace Infra.PolicyPack.Tests.Support;

/// <summary>A call that ended with a gRPC status other than OK.</summary>
public sealed class GrpcCallException(int status, string message) : Exception($"gRPC status {status}: {message}")
{
    public int Status { get; } = status;

    public string StatusMessage { get; } = message;
}
