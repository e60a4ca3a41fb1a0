using System.Collections;
using System.Globalization;
using System.Text;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// A reviewable text of every resource a stack registers: type and logical name, parent, provider,
/// <c>protect</c>, and each input as one <c>path = value</c> line, so that a merge request's diff
/// shows resource-level changes line by line; multi-line text (policies, the decoded <c>userData</c>)
/// follows as indented lines. Secret inputs show as <c>[secret]</c>. Resources are
/// sorted by type and name, so the text does not depend on registration order.
/// </summary>
public static class ResourceSnapshot
{
    public const string Secret = "[secret]";

    public static string Render(string stackName, IEnumerable<DeployedResource> resources)
    {
        var text = new StringBuilder();
        text.Append("# The resources of stack ").Append(stackName).AppendLine(" as the program registers them on Pulumi's mocks (tests/Infra.Stacks.Tests).");
        text.AppendLine("# Regenerate after a reviewed change: INFRA_UPDATE_SNAPSHOTS=1 scripts/test.sh (see README, \"Resource snapshots\").");
        foreach (var resource in resources.OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.Append(resource.Type).Append(' ').AppendLine(resource.Name);
            if (resource.ParentUrn is { } parent)
            {
                text.Append("  parent: ").Append(TypeOf(parent)).Append(' ').AppendLine(DeployedResource.NameOf(parent));
            }
            if (resource.Provider is { } provider)
            {
                text.Append("  provider: ").AppendLine(DeployedResource.NameOf(provider[..provider.LastIndexOf("::", StringComparison.Ordinal)]));
            }
            if (resource.Protect)
            {
                text.AppendLine("  protect: true");
            }
            foreach (var (key, value) in resource.Inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                Lines(text, key, resource.SecretInputs.Contains(key) ? Secret : key == "userData" && value is string encoded ? Decoded(encoded) : value);
            }
        }
        return text.ToString();
    }

    /// <summary>The last type of a URN's type chain: the resource's own type.</summary>
    private static string TypeOf(string urn)
    {
        var parts = urn.Split("::");
        return parts[^2][(parts[^2].LastIndexOf('$') + 1)..];
    }

    private static void Lines(StringBuilder text, string path, object? value)
    {
        switch (value)
        {
            case IDictionary map when map.Count > 0:
                foreach (var key in map.Keys.Cast<string>().Order(StringComparer.Ordinal))
                {
                    Lines(text, $"{path}.{key}", map[key]);
                }
                break;
            case IEnumerable items and not string and not IDictionary:
                var index = 0;
                foreach (var item in items)
                {
                    Lines(text, $"{path}[{index++}]", item);
                }
                if (index == 0)
                {
                    text.Append("  ").Append(path).AppendLine(" = []");
                }
                break;
            case string block when block.Contains('\n', StringComparison.Ordinal):
                text.Append("  ").Append(path).AppendLine(" = |");
                foreach (var line in block.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
                {
                    text.Append("    ").AppendLine(line);
                }
                break;
            default:
                text.Append("  ").Append(path).Append(" = ").AppendLine(Scalar(value));
                break;
        }
    }

    /// <summary>Launch templates take user data in base64: shown decoded, so a change to the script reads as text.</summary>
    private static string Decoded(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : base64;
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        IDictionary => "{}",
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
