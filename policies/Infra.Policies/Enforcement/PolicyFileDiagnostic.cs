using System.Globalization;

namespace Infra.Policies.Enforcement;

/// <summary>
/// One problem in a policy file (enforcement.yaml, waivers.yaml, a baseline): which file, which key (as a path
/// such as <c>waivers[2].expires</c>), the line where the parser knows it, and what is wrong and what is allowed.
/// Formatted like the stack loader's diagnostics: <c>policies/waivers.yaml:14: error: waivers[2].expires: ...</c>.
/// </summary>
public sealed record PolicyFileDiagnostic(string File, string KeyPath, int? Line, string Message)
{
    public override string ToString()
    {
        var where = Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{File}:{line}") : File;
        var key = KeyPath.Length == 0 ? "" : KeyPath + ": ";
        return $"{where}: error: {key}{Message}";
    }
}
