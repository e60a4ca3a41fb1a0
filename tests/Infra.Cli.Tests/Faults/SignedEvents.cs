using System.Text;
using Infra.Blueprints.People;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>HR events for the fault tests, written with their signature files into a repository copy.</summary>
internal static class SignedEvents
{
    public static string Hire(string id, string person) =>
        $$"""{"id":"{{id}}","type":"hire","issuedAt":"2026-11-22T08:58:00Z","effective":"2026-12-01","person":"{{person}}","name":"Person {{person}}","email":"{{person}}@example-bank.eu","teams":["payments"],"contract":"employee"}""";

    /// <summary>The arguments of a command line written with spaces; <c>EVENT</c> becomes the path of a signed hire of <paramref name="person"/>, valid on its own.</summary>
    public static string[] Arguments(string folder, string commandLine, string id, string person) =>
        [.. commandLine.Split(' ').Select(a => a == "EVENT" ? Write(folder, Hire(id, person)) : a)];

    /// <summary>Writes the event's bytes and the signature of exactly those bytes; the event's path.</summary>
    public static string Write(string folder, string body) => Write(folder, Encoding.UTF8.GetBytes(body));

    /// <inheritdoc cref="Write(string, string)"/>
    public static string Write(string folder, byte[] body)
    {
        var path = Path.Combine(folder, $"event-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, body);
        File.WriteAllText(path + ".sig", HrSignature.Sign(body, PeopleCli.Secret) + "\n");
        return path;
    }
}
