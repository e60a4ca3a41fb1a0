using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// How each call ends, and what reaches the engine's output: the engine shows every line the pack writes to stderr,
/// so only a failure of the pack itself is an error. A refused request (an <see cref="RpcException"/>) and a call
/// the client gave up on (it reset its stream, or the engine's Cancel stopped the analysis) are written at Debug.
/// </summary>
internal sealed partial class CallOutcomes(PackState state, ILogger<CallOutcomes> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e)
        {
            LogStatus(logger, context.Method, e.StatusCode, e.Status.Detail);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested || state.Cancellation.IsCancellationRequested)
        {
            LogCancelled(logger, context.Method);
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }
#pragma warning disable CA1031 // Any other failure is this call's Internal status; the server keeps serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(logger, e, context.Method);
            throw new RpcException(new Status(StatusCode.Internal, $"{context.Method} failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} answered {Code}: {Message}")]
    private static partial void LogStatus(ILogger logger, string method, StatusCode code, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} was cancelled (the client reset the stream, or the engine's Cancel)")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method);
}
