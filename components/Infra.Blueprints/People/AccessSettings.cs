using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Infra.Blueprints.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.People;

/// <summary>
/// The safety limit of the access automation, in <c>stacks/catalog/access.yaml</c>: an HR event or
/// a sync that would remove the access of more than <see cref="MaxPeopleLosingAccess"/> people stops
/// and asks for a person to run it by hand, as the best sync tools do.
/// </summary>
public sealed record AccessSettings(int MaxPeopleLosingAccess)
{
    public const string File = "stacks/catalog/access.yaml";

    private const string Key = "maxPeopleLosingAccess";

    private const string Expected = $"expected exactly one key, {Key}, with a whole number of 0 or more, e.g. {Key}: 3";

    /// <summary>
    /// Reads the settings; a missing file means the default limit. A file that cannot be read as YAML is an
    /// <see cref="Diagnostic.Unreadable"/> error, one that reads but holds something else an error at its line.
    /// </summary>
    public static bool TryRead(string repositoryRoot, int defaultLimit, [NotNullWhen(true)] out AccessSettings? settings, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        (settings, error) = (null, null);
        var path = Path.Combine(repositoryRoot, File);
        if (Directory.Exists(path))
        {
            error = Unreadable(null, $"is a folder; expected a file holding {Key}: N, or no file for the default limit of {defaultLimit}");
            return false;
        }
        if (!System.IO.File.Exists(path))
        {
            settings = new AccessSettings(defaultLimit);
            return true;
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            stream.Load(new BoundedParser(reader));
        }
        catch (DecoderFallbackException)
        {
            var (line, column, _) = JsonText.FirstInvalidUtf8(System.IO.File.ReadAllBytes(path)) ?? (1, 1, 0);
            error = Unreadable((int)line, string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 at column {column}; save the file as UTF-8"));
            return false;
        }
        catch (YamlException e)
        {
            error = Unreadable((int)e.Start.Line, $"is not valid YAML at column {e.Start.Column}: {BoundedParser.Reason(e)}");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = Unreadable(null, $"cannot be read: {e.Message}");
            return false;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error = new Diagnostic(DiagnosticSeverity.Error, File, "", stream.Documents.Count == 0 ? null : (int)stream.Documents[0].RootNode.Start.Line, Expected);
            return false;
        }
        if (root.Children.Count != 1 || !root.Children.TryGetValue(new YamlScalarNode(Key), out var node))
        {
            var other = root.Children.Keys.FirstOrDefault(k => k is not YamlScalarNode { Value: Key }) ?? root;
            error = new Diagnostic(DiagnosticSeverity.Error, File, "", (int)other.Start.Line, Expected);
            return false;
        }
        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            var found = node is YamlScalarNode { Value: { } value } ? $"'{EchoedValues.Shorten(value)}'" : "a list or mapping";
            error = new Diagnostic(DiagnosticSeverity.Error, File, Key, (int)node.Start.Line, $"must be a whole number of 0 or more (how many people may lose access in one run); found {found}");
            return false;
        }
        settings = new AccessSettings(limit);
        return true;
    }

    private static Diagnostic Unreadable(int? line, string message) => new(DiagnosticSeverity.Error, File, "", line, message) { Unreadable = true };
}
