using System.Globalization;
using System.Text.Json;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// Walks <c>{"version":3,"deployment":{..., "resources":[...]}}</c> with a <see cref="Utf8JsonReader"/> over a
/// growing window of the stream, so that only a window of the file is in memory; resources are built straight from the reader. Each step starts a reader
/// from the last committed state; a step that runs out of data is rolled back, the window refilled, and retried.
/// </summary>
internal sealed class StackExportParser
{
    internal const int InitialBufferSize = 1 << 20;
    private const int SupportedVersion = 3;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly ResourceTreeBuilder _builder = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _bytesBeforeBuffer;
    private long _linesCommitted;
    private JsonReaderState _state;
    private Stage _stage = Stage.Document;
    private bool _sawDeployment;
    private int _resourceIndex;

    public StackExportParser(Stream stream, string file, int initialBufferSize = InitialBufferSize)
    {
        _buffer = new byte[initialBufferSize];
        _stream = stream;
        _file = file;
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

    /// <summary>Reads up to the next resource; false at the end of a well-formed export.</summary>
    public bool TryReadNext(out PolicyResource? resource)
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

    private StepResult Step(out PolicyResource? resource)
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
                var offset = _bytesBeforeBuffer + _start + tokenStart;
                var index = _resourceIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Fail(reader, string.Create(CultureInfo.InvariantCulture, $"deployment.resources[{index}]: expected a resource object"));
                }

                if (!_builder.TryReadResource(ref reader, problem => new StateFileException(_file, LineAt(tokenStart), null, offset,
                        string.Create(CultureInfo.InvariantCulture, $"deployment.resources[{index}]: {problem}")), out resource))
                {
                    return NeedMoreOrTruncated(reader);
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

        return StepResult.Finished;
    }

    private StepResult NeedMoreOrTruncated(Utf8JsonReader reader) =>
        _endOfStream ? throw Fail(reader, "the file ends early; it looks truncated") : StepResult.NeedMoreData;

    private static bool TrySkipValue(ref Utf8JsonReader reader) =>
        reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.TrySkip();

    private void Commit(Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesCommitted += CountLines(_buffer.AsSpan(_start, consumed));
        _start += consumed;
        _state = reader.CurrentState;
    }

    /// <summary>The 1-based line of a byte of the uncommitted window (computed only when an error needs it).</summary>
    private long LineAt(int offsetInWindow) => _linesCommitted + CountLines(_buffer.AsSpan(_start, offsetInWindow)) + 1;

    private static int CountLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

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
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    private void SkipByteOrderMark()
    {
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _bytesBeforeBuffer = 0;
        }
    }

    private StateFileException Fail(Utf8JsonReader reader, string problem)
    {
        var offset = _bytesBeforeBuffer + _start + reader.TokenStartIndex;
        var line = _linesCommitted + CountLines(_buffer.AsSpan(_start, (int)Math.Min(reader.TokenStartIndex, _end - _start))) + 1;
        return new StateFileException(_file, line, null, offset, problem);
    }

    private static string TokenText(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number or JsonTokenType.String => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.TokenType.ToString(),
    };
}
