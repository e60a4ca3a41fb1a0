namespace Infra.Cli;

/// <summary>A file the command writes cannot be written; the message names the path the user gave, never a temporary file.</summary>
internal sealed class FileWriteException(string message, Exception? inner = null) : IOException(message, inner);
