namespace Infra.Cli;

/// <summary>Standard output cannot be written (see <see cref="StandardOutputWriter"/>); the message is the system's reason.</summary>
internal sealed class StandardOutputException(string reason, Exception inner) : IOException(reason, inner);
