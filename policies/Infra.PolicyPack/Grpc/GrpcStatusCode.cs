namespace Infra.PolicyPack.Grpc;

/// <summary>The gRPC status codes this pack answers with (values as in grpc/grpc doc/statuscodes.md).</summary>
internal enum GrpcStatusCode
{
    Ok = 0,
    Cancelled = 1,
    InvalidArgument = 3,
    Unimplemented = 12,
    Internal = 13,
}
