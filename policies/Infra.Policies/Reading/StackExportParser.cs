using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Walks <c>{"version":3,"deployment":{..., "resources":[...]}}</c> with a <see cref="Utf8JsonReader"/> over a
/// growing window of the stream, so that only a window of the file is in memory; resources are built straight from the reader. Each step starts a reader
/// from the last committed state; a step that runs out of data is rolled back, the window refilled, and retried.
/// Every byte read is checked to be UTF-8 as it enters the window (the JSON reader does not check the text of strings),
/// and the window is bounded: a file that is not an export (<c>/dev/zero</c>, a binary, an endless string) fails at a
/// position instead of filling the memory.
/// </summary>
internal sealed class StackExportParser
{
    internal const int InitialBufferSize = 1 << 20;

    /// <summary>The largest window: one resource (with the whitespace before it) must fit in it.</summary>
    internal const int MaximumWindowSize = 256 << 20;

    private const int SupportedVersion = 3;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maximumWindowSize;
    private readonly ResourceTreeBuilder _builder;

    /// <summary>When set, each resource's bytes go here unbuilt (<see cref="ParallelExportReader"/> builds them on other threads).</summary>
    private readonly ResourceChunks? _unbuilt;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _bytesBeforeBuffer;
    private long _linesCommitted;

    /// <summary>The offset in the file of the first byte of the line the committed bytes end on.</summary>
    private long _lineStart;

    /// <summary>The offset in the file up to which the bytes are known to be UTF-8.</summary>
    private long _validated;
    private JsonReaderState _state;
    private Stage _stage = Stage.Document;
    private bool _sawDeployment;
    private bool _sawVersion;
    private StateSecretsProvider? _secretsProvider;
    private int _resourceIndex;
    private readonly HashSet<string> _liveUrns = new(StringComparer.Ordinal);

    public StackExportParser(Stream stream, string file, int initialBufferSize = InitialBufferSize, int maximumWindowSize = MaximumWindowSize)
        : this(stream, file, null, initialBufferSize, maximumWindowSize)
    {
    }

    /// <summary>A parser that checks the whole file as usual but hands each resource's bytes to <paramref name="unbuilt"/> instead of building it; <see cref="TryReadNext"/> then yields no resource.</summary>
    public StackExportParser(Stream stream, string file, ResourceChunks? unbuilt, int initialBufferSize = InitialBufferSize, int maximumWindowSize = MaximumWindowSize)
    {
        _unbuilt = unbuilt;
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumWindowSize, initialBufferSize);
        _buffer = new byte[initialBufferSize];
        _stream = stream;
        _file = file;
        _maximumWindowSize = maximumWindowSize;
        _builder = new ResourceTreeBuilder(ResourceError);
        _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
    }

    private enum Stage
    {
        Document,
        Root,
        Deployment,
        Resources,
        End,
        Done,
    }

    private enum StepResult
    {
        Progress,
        NeedMoreData,
        Resource,
        Finished,
    }

    /// <summary><c>deployment.secrets_providers</c> once the parser has passed it; null when the export has none.</summary>
    public StateSecretsProvider? SecretsProvider => _secretsProvider;

    /// <summary>Reads up to the next resource; false at the end of a well-formed export.</summary>
    public bool TryReadNext(out StackExportEntry? resource)
    {
        if (_stage == Stage.Document && _end == 0 && !_endOfStream)
        {
            Refill();
            SkipByteOrderMark();
        }

        while (true)
        {
            StepResult result;
            try
            {
                result = Step(out resource);
            }
            catch (JsonException ex)
            {
                var remaining = _buffer.AsSpan(_start, _end - _start);
                if (_stage == Stage.Document && JsonSyntax.IsBlank(remaining))
                {
                    throw new StateFileException(_file, 1, 1, 0, "the file is empty; expected the JSON of `pulumi stack export`", ex);
                }

                var truncated = _endOfStream && JsonSyntax.IsValidPrefix(remaining, _state);
                throw new StateFileException(_file, (ex.LineNumber ?? _linesCommitted) + 1, (ex.BytePositionInLine ?? 0) + 1, null,
                    JsonSyntax.Describe(ex, truncated), ex);
            }

            switch (result)
            {
                case StepResult.Resource:
                    return true;
                case StepResult.Finished:
                    return false;
                case StepResult.NeedMoreData:
                    Refill();
                    break;
            }
        }
    }

    private StepResult Step(out StackExportEntry? resource)
    {
        resource = null;
        if (_stage == Stage.Done)
        {
            return StepResult.Finished;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, _state);
        if (!reader.Read())
        {
            if (!_endOfStream)
            {
                return StepResult.NeedMoreData;
            }

            if (_stage == Stage.End)
            {
                _stage = Stage.Done;
                return EndOfDocument();
            }

            throw Fail(reader, _stage == Stage.Document ? "the file is empty; expected the JSON of `pulumi stack export`" : "the file ends early; it looks truncated");
        }

        switch (_stage)
        {
            case Stage.Document:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fail(reader, "expected a JSON object as written by `pulumi stack export`");
                }

                _stage = Stage.Root;
                break;
            case Stage.Root:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.End;
                    break;
                }

                var rootKey = reader.GetString();
                if (!reader.Read())
                {
                    return NeedMoreOrTruncated(reader);
                }

                if (rootKey == "version")
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        throw Fail(reader, $"'version' is the string \"{TokenText(reader)}\"; `pulumi stack export` writes the number {SupportedVersion}, without quotes");
                    }

                    _sawVersion = true;
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != SupportedVersion)
                    {
                        throw Fail(reader, $"unsupported deployment version {TokenText(reader)}; this reader reads version {SupportedVersion} (`pulumi stack export` of Pulumi 3)");
                    }
                }
                else if (rootKey == "deployment")
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Fail(reader, "'deployment' must be an object");
                    }

                    _sawDeployment = true;
                    _stage = Stage.Deployment;
                }
                else if (!TrySkipValue(ref reader))
                {
                    return NeedMoreOrTruncated(reader);
                }

                break;
            case Stage.Deployment:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _stage = Stage.Root;
                    break;
                }

                var key = reader.GetString();
                if (!reader.Read())
                {
                    return NeedMoreOrTruncated(reader);
                }

                if (key == "resources" && reader.TokenType == JsonTokenType.StartArray)
                {
                    _stage = Stage.Resources;
                }
                else if (key == "resources" && reader.TokenType != JsonTokenType.Null)
                {
                    throw Fail(reader, "'deployment.resources' must be an array");
                }
                else if (key == "secrets_providers" && reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!JsonDocument.TryParseValue(ref reader, out var providers))
                    {
                        return NeedMoreOrTruncated(reader);
                    }

                    using (providers)
                    {
                        _secretsProvider = ReadSecretsProvider(providers.RootElement);
                    }
                }
                else if (!TrySkipValue(ref reader))
                {
                    return NeedMoreOrTruncated(reader);
                }

                break;
            case Stage.Resources:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _stage = Stage.Deployment;
                    break;
                }

                var tokenStart = (int)reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fail(reader, string.Create(CultureInfo.InvariantCulture, $"deployment.resources[{_resourceIndex}]: expected a resource object"));
                }

                if (_unbuilt is not null)
                {
                    if (!reader.TrySkip())
                    {
                        return NeedMoreOrTruncated(reader);
                    }

                    _unbuilt.Add(_buffer.AsSpan(_start + tokenStart, (int)reader.BytesConsumed - tokenStart));
                    _resourceIndex++;
                    break;
                }

                if (!_builder.TryReadResource(ref reader, out var read, out var pendingDeletion))
                {
                    return NeedMoreOrTruncated(reader);
                }

                var (line, column) = PositionAt(tokenStart);
                resource = new StackExportEntry(read!, pendingDeletion, _resourceIndex, _file, line, column, _bytesBeforeBuffer + _start + tokenStart);
                if (ResourceIdentity.Problem(read!) is { } problem)
                {
                    throw resource.Error(problem);
                }

                // Pulumi keeps one live resource per URN; a second is allowed only as the old half of a replacement (delete: true).
                if (!pendingDeletion && !_liveUrns.Add(read!.Urn))
                {
                    throw resource.Error("the URN is in the export a second time; Pulumi keeps one live resource per URN, so the file was edited or damaged");
                }

                _resourceIndex++;
                Commit(reader);
                return StepResult.Resource;
            case Stage.End:
                throw Fail(reader, "unexpected content after the end of the export");
        }

        Commit(reader);
        return StepResult.Progress;
    }

    private StepResult EndOfDocument()
    {
        if (!_sawDeployment)
        {
            throw new StateFileException(_file, null, null, null, "no 'deployment' object; expected the output of `pulumi stack export`");
        }

        if (!_sawVersion)
        {
            throw new StateFileException(_file, null, null, null, $"no 'version'; `pulumi stack export` writes \"version\": {SupportedVersion} first, so this file was not written by it");
        }

        return StepResult.Finished;
    }

    private StepResult NeedMoreOrTruncated(Utf8JsonReader reader) =>
        _endOfStream ? throw Fail(reader, "the file ends early; it looks truncated") : StepResult.NeedMoreData;

    /// <summary><c>{"type": "cloud", "state": {"url": "awskms://..."}}</c>; a field of another shape reads as absent.</summary>
    private static StateSecretsProvider ReadSecretsProvider(JsonElement providers)
    {
        var type = providers.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var url = providers.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            && state.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()
            : null;
        return new StateSecretsProvider(type, url);
    }

    private static bool TrySkipValue(ref Utf8JsonReader reader) =>
        reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();

    private void Commit(Utf8JsonReader reader)
    {
        var consumed = _buffer.AsSpan(_start, (int)reader.BytesConsumed);
        var lines = CountLines(consumed);
        if (lines > 0)
        {
            _linesCommitted += lines;
            _lineStart = _bytesBeforeBuffer + _start + consumed.LastIndexOf((byte)'\n') + 1;
        }

        _start += consumed.Length;
        _state = reader.CurrentState;
    }

    /// <summary>The 1-based line and byte in the line of a byte of the uncommitted window.</summary>
    private (long Line, long Column) PositionAt(int offsetInWindow)
    {
        var before = _buffer.AsSpan(_start, Math.Clamp(offsetInWindow, 0, _end - _start));
        var lines = CountLines(before);
        var lineStart = lines == 0 ? _lineStart : _bytesBeforeBuffer + _start + before.LastIndexOf((byte)'\n') + 1;
        return (_linesCommitted + lines + 1, _bytesBeforeBuffer + _start + before.Length - lineStart + 1);
    }

    private static int CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    /// <summary>The error of a resource being read: at a token given by its start in the window (the reader's data).</summary>
    private StateFileException ResourceError(string problem, long tokenStart)
    {
        var (line, column) = PositionAt((int)tokenStart);
        return new StateFileException(_file, line, column, _bytesBeforeBuffer + _start + tokenStart,
            string.Create(CultureInfo.InvariantCulture, $"deployment.resources[{_resourceIndex}]: {problem}"));
    }

    private void Refill()
    {
        if (_endOfStream)
        {
            return;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bytesBeforeBuffer += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maximumWindowSize)
            {
                var (line, column) = PositionAt(0);
                throw new StateFileException(_file, line, column, _bytesBeforeBuffer + _start, string.Create(CultureInfo.InvariantCulture,
                    $"no complete JSON value in the {_maximumWindowSize >> 20} MiB from here; a `pulumi stack export` holds no resource that large: is it the right file?"));
            }

            Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, _maximumWindowSize));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
        ValidateUtf8();
    }

    /// <summary>
    /// Checks that the bytes read since the last check are UTF-8; a sequence cut by the end of the window is checked
    /// with the next read. Nearly free on ASCII, which an export mostly is.
    /// </summary>
    private void ValidateUtf8()
    {
        var from = (int)(_validated - _bytesBeforeBuffer);
        var bytes = _buffer.AsSpan(from, _end - from);
        if (Utf8.IsValid(bytes))
        {
            _validated += bytes.Length;
            return;
        }

        // Most often only the last character is cut by the end of the window.
        var last = bytes.Length - 1;
        while (last > 0 && last > bytes.Length - 4 && (bytes[last] & 0xC0) == 0x80)
        {
            last--;
        }

        if (!_endOfStream && last >= 0 && Rune.DecodeFromUtf8(bytes[last..], out _, out _) == OperationStatus.NeedMoreData && Utf8.IsValid(bytes[..last]))
        {
            _validated += last;
            return;
        }

        var at = 0;
        while (at < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[at..], out _, out var length);
            if (status == OperationStatus.NeedMoreData && !_endOfStream)
            {
                break;
            }

            if (status != OperationStatus.Done)
            {
                var (line, column) = PositionAt(from + at - _start);
                var invalid = string.Join(' ', bytes.Slice(at, Math.Max(length, 1)).ToArray().Select(b => string.Create(CultureInfo.InvariantCulture, $"0x{b:X2}")));
                throw new StateFileException(_file, line, column, _bytesBeforeBuffer + from + at,
                    $"invalid UTF-8 ({invalid}); `pulumi stack export` writes UTF-8 text, so the file was damaged or converted");
            }

            at += length;
        }

        _validated += at;
    }

    private void SkipByteOrderMark()
    {
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _bytesBeforeBuffer = 0;
            _lineStart = 3;
        }
    }

    private StateFileException Fail(Utf8JsonReader reader, string problem)
    {
        var (line, column) = PositionAt((int)Math.Min(reader.TokenStartIndex, _end - _start));
        return new StateFileException(_file, line, column, _bytesBeforeBuffer + _start + reader.TokenStartIndex, problem);
    }

    private static string TokenText(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number or JsonTokenType.String => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.TokenType.ToString(),
    };
}
