using System.Text;
using Infra.Blueprints.People;

namespace Infra.Blueprints.Tests.People;

/// <summary>HR event bodies as the HR system sends them, and their signatures.</summary>
internal static class HrEvents
{
    public const string Secret = "test-secret-shared-with-hr-0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static string Hire(string id = "evt-1", string person = "jdoe", string effective = "2026-12-01", string contract = "employee", string? end = null, string teams = "\"payments\"", string issuedAt = "2026-11-22T08:58:00Z") =>
        $$"""{"id":"{{id}}","type":"hire","issuedAt":"{{issuedAt}}","effective":"{{effective}}","person":"{{person}}","name":"Jane Doe","email":"{{person}}@example-bank.eu","teams":[{{teams}}],"contract":"{{contract}}"{{(end is null ? "" : $",\"end\":\"{end}\"")}}}""";

    public static string Leave(string id = "evt-2", string person = "hlambert", string effective = "2026-11-30", string issuedAt = "2026-11-22T08:58:00Z") =>
        $$"""{"id":"{{id}}","type":"leave","issuedAt":"{{issuedAt}}","effective":"{{effective}}","person":"{{person}}"}""";

    public static string TeamChange(string id = "evt-3", string person = "hlambert", string effective = "2026-11-22", string teams = "\"core-banking\"", string issuedAt = "2026-11-22T08:58:00Z") =>
        $$"""{"id":"{{id}}","type":"team-change","issuedAt":"{{issuedAt}}","effective":"{{effective}}","person":"{{person}}","teams":[{{teams}}]}""";

    public static string Extension(string id = "evt-4", string person = "cmurphy", string effective = "2026-11-22", string end = "2027-05-31", string issuedAt = "2026-11-22T08:58:00Z") =>
        $$"""{"id":"{{id}}","type":"contract-extension","issuedAt":"{{issuedAt}}","effective":"{{effective}}","person":"{{person}}","end":"{{end}}"}""";

    public static HrEvent Read(string body)
    {
        Assert.True(HrEventReader.TryRead(Encoding.UTF8.GetBytes(body), out var hrEvent, out var error), error);
        return hrEvent;
    }

    public static string Sign(string body, string secret = Secret) => HrSignature.Sign(Encoding.UTF8.GetBytes(body), secret);
}
