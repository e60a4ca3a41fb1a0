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
            stream.Load(new Infra.Blueprints.Loading.BoundedParser(new StringReader(text)));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new PolicyFileDiagnostic(file, "", (int)ex.Start.Line, $"invalid YAML at column {ex.Start.Column}: {Infra.Blueprints.Loading.BoundedParser.Reason(ex)}"));
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

    public static string ReadText(string path, List<PolicyFileDiagnostic> diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new PolicyFileDiagnostic(path, "", null, "cannot read the file: " + ex.Message));
            return "";
        }
    }
}
