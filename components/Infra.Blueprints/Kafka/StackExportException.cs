namespace Infra.Blueprints.Kafka;

/// <summary>A state file that cannot be read: what is wrong and where (line and byte in the line, 1-based).</summary>
public sealed class StackExportException(string message, long line, long bytePositionInLine)
    : Exception($"line {line}, byte {bytePositionInLine}: {message}")
{
    public long Line => line;

    public long BytePositionInLine => bytePositionInLine;
}
