using System.Buffers;
using System.Text.Json;

// Reads a JSON file once with Utf8JsonReader in 1 MiB chunks and prints the number of tokens: the least any reader of a
// stack export must do, so `infra compliance` is measured against it.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: json-tokenizer-pass FILE");
    return 2;
}

using var file = File.OpenRead(args[0]);
var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
var state = default(JsonReaderState);
long tokens = 0;
var kept = 0;
while (true)
{
    var read = file.Read(buffer, kept, buffer.Length - kept);
    var final = read == 0;
    var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), final, state);
    while (reader.Read())
    {
        tokens++;
    }

    if (final)
    {
        break;
    }

    state = reader.CurrentState;
    kept = kept + read - (int)reader.BytesConsumed;
    if (kept == buffer.Length)
    {
        // One token longer than the buffer: grow it.
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, kept).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
    else
    {
        buffer.AsSpan((int)reader.BytesConsumed, kept).CopyTo(buffer);
    }
}

Console.WriteLine(tokens);
return 0;
