using System.Globalization;

namespace Infra.Policies.Reading;

/// <summary>
/// A stack export or preview file that cannot be read: which file, where (1-based line and column when
/// the JSON parser knows them, and the byte offset), and what is wrong.
/// </summary>
public sealed class StateFileException : Exception
{
    public StateFileException()
        : this("", null, null, null, "the file cannot be read")
    {
    }

    public StateFileException(string message)
        : this("", null, null, null, message)
    {
    }

    public StateFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    public StateFileException(string file, long? line, long? column, long? byteOffset, string problem, Exception? innerException = null)
        : base(Describe(file, line, column, byteOffset, problem), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        ByteOffset = byteOffset;
        Problem = problem;
    }

    public string File { get; }

    public long? Line { get; }

    public long? Column { get; }

    public long? ByteOffset { get; }

    public string Problem { get; }

    private static string Describe(string file, long? line, long? column, long? byteOffset, string problem)
    {
        var where = line is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{l}:{column ?? 1}")
            : file;
        var offset = byteOffset is { } b ? string.Create(CultureInfo.InvariantCulture, $" (byte {b})") : "";
        return $"{where}{offset}: error: {problem}";
    }
}
