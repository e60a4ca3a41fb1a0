namespace Infra.Cli.Commands;

/// <summary>The options of one <c>infra compliance</c> run.</summary>
internal sealed record ComplianceRequest(
    string Stack,
    string? State,
    string? Preview,
    ComplianceFormat Output,
    IReadOnlyList<(ComplianceFormat Format, string Path)> Files,
    string? Baseline,
    string? WriteBaseline,
    string Enforcement,
    string Waivers);
