using System.Globalization;
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

    /// <summary>Reads the settings; a missing file means the default limit, a broken one is an error naming the file and key.</summary>
    public static AccessSettings Read(string repositoryRoot, int defaultLimit)
    {
        var path = Path.Combine(repositoryRoot, File);
        if (!System.IO.File.Exists(path))
        {
            return new AccessSettings(defaultLimit);
        }
        var stream = new YamlStream();
        try
        {
            using var reader = System.IO.File.OpenText(path);
            stream.Load(new BoundedParser(reader));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{File}:{e.Start.Line}: is not valid YAML", e);
        }
        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || root.Children.Count != 1
            || !root.Children.TryGetValue(new YamlScalarNode("maxPeopleLosingAccess"), out var node)
            || node is not YamlScalarNode { Value: { } text }
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            || limit < 0)
        {
            throw new FormatException($"{File}: expected exactly one key, maxPeopleLosingAccess, with a whole number of 0 or more, e.g. maxPeopleLosingAccess: 3");
        }
        return new AccessSettings(limit);
    }
}
