using Infra.Policies.Model;

namespace Infra.PolicyPack.Analysis;

/// <summary>Where a resource holds values a preview cannot know yet, for the debug log of rules that could not decide.</summary>
internal static class UnknownValues
{
    private const int MaximumPaths = 8;

    public static IReadOnlyList<string> PathsOf(PolicyResource resource)
    {
        var paths = new List<string>();
        Collect(resource.Inputs, "", paths);
        Collect(resource.Outputs, "", paths);
        return paths;
    }

    private static void Collect(PropertyValue value, string path, List<string> paths)
    {
        if (paths.Count >= MaximumPaths)
        {
            return;
        }

        switch (value.Kind)
        {
            case PropertyKind.Unknown:
                paths.Add(path.Length == 0 ? "(all properties)" : path);
                break;
            case PropertyKind.Map:
                foreach (var (key, child) in value.Fields)
                {
                    Collect(child, path.Length == 0 ? key : $"{path}.{key}", paths);
                }

                break;
            case PropertyKind.List:
                for (var i = 0; i < value.Items.Count; i++)
                {
                    Collect(value.Items[i], $"{path}[{i}]", paths);
                }

                break;
        }
    }
}
