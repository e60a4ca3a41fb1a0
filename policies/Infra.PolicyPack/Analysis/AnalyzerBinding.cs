using System.Buffers;
using Google.Protobuf;
using Grpc.Core;
using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Analysis;

/// <summary>
/// The Analyzer service as Program.cs maps it: the generated methods (service, method names and response marshallers
/// unchanged, so the wire is the generated one byte for byte) with requests parsed to a deeper nesting than
/// Google.Protobuf's default. That default, 100 nested messages, is about 32 property levels (an object level is three
/// messages: Struct, its map entry, Value); the engine's Go protobuf reads 10,000 and sends deeper trees without
/// complaint. The pack reads properties <see cref="PropertyStructReader.MaximumDepth"/> levels deep, so requests are
/// parsed with <see cref="RecursionLimit"/> nested messages: enough for that depth in any shape the engine sends, and a
/// bound on the parser's recursion (the thread's stack). A request nested deeper is InvalidArgument naming the resource
/// and the limit; the reader refuses properties deeper than the limit within it the same way, with the property's path.
/// </summary>
internal static class AnalyzerBinding
{
    /// <summary>
    /// A property level is at most six nested messages on the wire (Struct, map entry, Value; as many again for a
    /// secret or output value around the value), under at most two messages around the properties (the provider of an
    /// AnalyzeStack resource): 6 × 100 + 2.
    /// </summary>
    public const int RecursionLimit = 6 * PropertyStructReader.MaximumDepth + 2;

    public static ServerServiceDefinition Create(Analyzer.AnalyzerBase service)
    {
        var builder = ServerServiceDefinition.CreateBuilder();
        Analyzer.BindService(new Binder(builder), service);
        return builder.Build();
    }

    /// <summary>Each generated method again, with its request marshaller replaced by <see cref="Parse{TRequest}"/>.</summary>
    private sealed class Binder(ServerServiceDefinition.Builder builder) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            ArgumentNullException.ThrowIfNull(method);
            ArgumentNullException.ThrowIfNull(handler);
            var descriptor = ((IMessage)Activator.CreateInstance<TRequest>()).Descriptor;
            var requests = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context => Parse<TRequest>(context, descriptor));
            builder.AddMethod(new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller), handler);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            throw new NotSupportedException($"{method?.FullName}: the Analyzer service has unary methods only");

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            throw new NotSupportedException($"{method?.FullName}: the Analyzer service has unary methods only");

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            throw new NotSupportedException($"{method?.FullName}: the Analyzer service has unary methods only");
    }

    /// <summary>
    /// The request from the whole message (gRPC has framed it and checked its size against MaxReceiveMessageSize),
    /// parsed with <see cref="RecursionLimit"/>. Bytes that are no such message are InvalidArgument.
    /// </summary>
    private static TRequest Parse<TRequest>(DeserializationContext context, Google.Protobuf.Reflection.MessageDescriptor request)
    {
        var payload = context.PayloadAsReadOnlySequence();
        try
        {
            return (TRequest)request.Parser.ParseFrom(Input(payload));
        }
        catch (InvalidProtocolBufferException e)
        {
            // Google.Protobuf says "too many levels of nesting" and has no code for it (InvalidProtocolBufferException.RecursionLimitExceeded).
            var message = e.Message.Contains("nesting", StringComparison.OrdinalIgnoreCase)
                ? $"{Owner(payload, typeof(TRequest))}: properties are nested deeper than {PropertyStructReader.MaximumDepth} levels (the request nests more than {RecursionLimit} protobuf messages)"
                : $"the request is not a valid {request.FullName}: {e.Message}";
            throw new RpcException(new Status(StatusCode.InvalidArgument, message));
        }
    }

    private static CodedInputStream Input(ReadOnlySequence<byte> payload, int recursionLimit = RecursionLimit) =>
        CodedInputStream.CreateWithLimits(new SequenceStream(payload), AnalyzerService.MaximumMessageSize, recursionLimit);

    /// <summary>
    /// The resource a too-deep request is about, as the reader names it: the URN of an Analyze request, or of the first
    /// AnalyzeStack resource too deep to parse alone. Only the fields on the way are read, each resource at most once.
    /// </summary>
    private static string Owner(ReadOnlySequence<byte> payload, Type request)
    {
        try
        {
            if (request == typeof(AnalyzeRequest))
            {
                return Urn(payload, AnalyzeRequest.UrnFieldNumber) is { Length: > 0 } urn ? urn : "request";
            }

            if (request == typeof(AnalyzeStackRequest))
            {
                var input = Input(payload);
                var index = 0;
                for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
                {
                    if (WireFormat.GetTagFieldNumber(tag) != AnalyzeStackRequest.ResourcesFieldNumber || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
                    {
                        input.SkipLastField();
                        continue;
                    }

                    var resource = new ReadOnlySequence<byte>(input.ReadBytes().Memory);
                    try
                    {
                        // One message less deep than the limit: the resource is one level under the request.
                        AnalyzerResource.Parser.ParseFrom(Input(resource, RecursionLimit - 1));
                    }
                    catch (InvalidProtocolBufferException)
                    {
                        return Urn(resource, AnalyzerResource.UrnFieldNumber) is { Length: > 0 } urn ? urn : $"resources[{index}]";
                    }

                    index++;
                }
            }
        }
        catch (InvalidProtocolBufferException)
        {
            // The refusal names no resource then.
        }

        return "request";
    }

    /// <summary>The last value of a top-level string field, other fields skipped unparsed.</summary>
    private static string? Urn(ReadOnlySequence<byte> message, int field)
    {
        var input = Input(message);
        string? urn = null;
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagFieldNumber(tag) == field && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                urn = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return urn;
    }

    /// <summary>
    /// The message as the stream <see cref="CodedInputStream.CreateWithLimits"/> reads (the only way to give
    /// Google.Protobuf a recursion limit); it copies the payload into the parser's buffer as it goes, without a whole copy.
    /// </summary>
    private sealed class SequenceStream(ReadOnlySequence<byte> sequence) : Stream
    {
        private readonly long _length = sequence.Length;
        private ReadOnlySequence<byte> _rest = sequence;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _length - _rest.Length;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var length = (int)Math.Min(buffer.Length, _rest.Length);
            _rest.Slice(0, length).CopyTo(buffer);
            _rest = _rest.Slice(length);
            return length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
