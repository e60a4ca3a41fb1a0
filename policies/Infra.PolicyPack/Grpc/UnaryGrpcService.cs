using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Infra.PolicyPack.Grpc;

/// <summary>
/// Serves the unary methods of one protobuf service over HTTP/2 at <c>/package.Service/Method</c>, the paths that
/// gRPC clients call (the Pulumi engine's Go client included). Routes and request types come from the service's
/// descriptor, so they are exactly those of the .proto; every method must have a handler.
/// </summary>
internal sealed partial class UnaryGrpcService
{
    public delegate Task<IMessage> Handler(IMessage request, CancellationToken cancellation);

    private readonly Dictionary<string, (MessageDescriptor Input, Handler Handle)> _methods = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public UnaryGrpcService(ServiceDescriptor service, IReadOnlyDictionary<string, Handler> handlers, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var method in service.Methods)
        {
            var handle = handlers.GetValueOrDefault(method.Name)
                ?? throw new InvalidOperationException($"no handler for {service.FullName}.{method.Name}");
            _methods[$"/{service.FullName}/{method.Name}"] = (method.InputType, handle);
        }

        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith(GrpcFraming.ContentType, StringComparison.Ordinal) != true)
        {
            // The gRPC answer to a request that is not gRPC at all.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        context.Response.ContentType = GrpcFraming.ContentType;
        var path = request.Path.Value ?? "";
        try
        {
            if (!_methods.TryGetValue(path, out var method))
            {
                throw new GrpcException(GrpcStatusCode.Unimplemented, $"unknown method {path}");
            }

            var message = await ReadMessageAsync(request, context.RequestAborted);
            IMessage input;
            try
            {
                input = method.Input.Parser.ParseFrom(message.Span);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new GrpcException(GrpcStatusCode.InvalidArgument, $"{path}: the request is not a valid {method.Input.FullName} ({e.Message})");
            }

            var output = await method.Handle(input, context.RequestAborted);
            await context.Response.Body.WriteAsync(GrpcFraming.Frame(output.ToByteArray()), context.RequestAborted);
            End(context, GrpcStatusCode.Ok, null);
        }
        catch (GrpcException e)
        {
            LogStatus(_logger, path, e.Code, e.Message);
            End(context, e.Code, e.Message);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, or the engine's Cancel stopped the analysis.
            End(context, GrpcStatusCode.Cancelled, "the call was cancelled");
        }
#pragma warning disable CA1031 // Any other failure is this call's Internal status; the server keeps serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(_logger, e, path);
            End(context, GrpcStatusCode.Internal, $"{path} failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadMessageAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var body = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength : 4096);
        await request.Body.CopyToAsync(body, cancellation);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        return GrpcFraming.SingleMessage(bytes)
            ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, "a unary call carries exactly one uncompressed message");
    }

    private static void End(HttpContext context, GrpcStatusCode code, string? message)
    {
        context.Response.AppendTrailer("grpc-status", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message is not null)
        {
            context.Response.AppendTrailer("grpc-message", GrpcFraming.EncodeMessage(message));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Path} answered {Code}: {Message}")]
    private static partial void LogStatus(ILogger logger, string path, GrpcStatusCode code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path);
}
