using System.Globalization;
using System.Text;
using Infra.Blueprints.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Policies.Enforcement;

/// <summary>Loads a small YAML policy file into a node tree, turning syntax errors into diagnostics with their line.</summary>
internal static class YamlDocument
{
    public static YamlMappingNode? LoadMapping(string text, string file, List<PolicyFileDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedParser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new PolicyFileDiagnostic(file, "", (int)ex.Start.Line, $"invalid YAML at column {ex.Start.Column}: {BoundedParser.Reason(ex)}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new PolicyFileDiagnostic(file, "", Line(stream.Documents[0].RootNode), "expected a mapping of keys to values"));
            return null;
        }

        return root;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static string Child(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>The file's text; a file that cannot be read, or holds a byte that is not UTF-8, is a diagnostic (at its line) and no text.</summary>
    public static string ReadText(string path, List<PolicyFileDiagnostic> diagnostics)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (JsonText.FirstInvalidUtf8(bytes) is { } invalid)
            {
                diagnostics.Add(new PolicyFileDiagnostic(path, "", (int)invalid.Line, string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 at column {invalid.Column}; save the file as UTF-8")));
                return "";
            }

            return Encoding.UTF8.GetString(JsonText.WithoutBom(bytes).Span);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new PolicyFileDiagnostic(path, "", null, "cannot read the file: " + ex.Message));
            return "";
        }
    }
}
