using System.Text.RegularExpressions;
using Infra.Blueprints.Loading;
using Infra.Policies.Model;

namespace Infra.Policies.Evaluation;

/// <summary>
/// The line a finding points at: the stack file key that produced the value (the component's entry, or the entry's key
/// named like the offending property, e.g. <c>instanceType</c>); otherwise the catalog entry the resource is made from
/// (a person of people.yaml, a topic of kafka-topics.yaml, at the key that sets the property where it has one);
/// otherwise the line of the component's file that creates the resource; otherwise the stack file's first line.
/// </summary>
public sealed class SourceLocator(string stackFile, StackFileKeys keys, IReadOnlyList<ComponentSource> components, Func<string, string?> readFile)
{
    private const string Config = StackConfigKeys.Namespace + ":";

    /// <summary>The components of this repository (paths from its root).</summary>
    public static IReadOnlyList<ComponentSource> RepositoryComponents { get; } =
    [
        new("infra:fleet:ServiceFleet", Config + StackConfigKeys.Services, "components/Infra.Components/Fleets/ServiceFleet.cs"),
        new("infra:fleet:FleetConnections", null, "components/Infra.Components/Fleets/FleetConnections.cs"),
        new("infra:fleet:EbsKeyGrant", null, "components/Infra.Components/Fleets/EbsKeyGrant.cs"),
        new("infra:fleet:SessionLogging", null, "components/Infra.Components/Fleets/SessionLogging.cs"),
        new("infra:network:VpcEndpoints", null, "components/Infra.Components/Network/VpcEndpoints.cs"),
        new("infra:backup:DatabaseBackups", null, "components/Infra.Components/Backups/DatabaseBackups.cs"),
        new("infra:monitoring:StackMonitoring", null, "components/Infra.Components/Monitoring/StackMonitoring.cs"),
        new("infra:account:AccountBaseline", null, "components/Infra.Components/Account/AccountBaseline.cs"),
        new("infra:database:ReplicatedDatabase", Config + StackConfigKeys.Databases, "components/Infra.Components/Databases/ReplicatedDatabase.cs"),
        new("infra:kafka:KafkaTopics", null, "components/Infra.Components/Kafka/KafkaTopics.cs",
            new CatalogSource("stacks/catalog/kafka-topics.yaml", "topics", "name", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["config.retention.ms"] = "retentionHours",
                ["config.cleanup.policy"] = "cleanupPolicy",
            })),
        new("infra:vault:VaultRoles", Config + StackConfigKeys.Vault, "components/Infra.Components/Vault/VaultRoles.cs"),
        new("infra:people:PeopleAccess", null, "components/Infra.Components/People/PeopleAccess.cs",
            new CatalogSource("stacks/catalog/people.yaml", "people", "id", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                // Which person a resource is for: the entry's id; how long it lasts: the person's end.
                ["userId"] = "id", ["name"] = "id", ["description"] = "id", ["commonName"] = "id", ["accessGroupId"] = "id",
                ["expiresAt"] = "end", ["expirationTime"] = "end",
            })),
    ];

    private readonly Dictionary<string, string?> _files = new(StringComparer.Ordinal);

    private readonly Dictionary<string, CatalogEntries> _catalogs = new(StringComparer.Ordinal);

    /// <summary>A locator over a repository's stack file <c>Pulumi.&lt;stack&gt;.yaml</c> and its components.</summary>
    public static SourceLocator ForRepository(string repositoryRoot, string stack)
    {
        var stackFile = $"Pulumi.{stack}.yaml";
        var full = Path.Combine(repositoryRoot, stackFile);
        var keys = File.Exists(full) ? StackFileKeys.Parse(File.ReadAllText(full)) : StackFileKeys.Empty;
        return new SourceLocator(stackFile, keys, RepositoryComponents, path =>
        {
            var file = Path.Combine(repositoryRoot, path);
            return File.Exists(file) ? File.ReadAllText(file) : null;
        });
    }

    public SourceLocation Locate(PolicyResource? resource, string? propertyPath, ResourceSet resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var component = resource is null ? null : ComponentOf(resource, resources);
        var source = component is null ? null : components.FirstOrDefault(c => c.ComponentType == component.Value.Type);
        if (source is null || component is not var (_, name))
        {
            return new SourceLocation(stackFile, 1);
        }

        if (source.StackKey is { } key && keys.LineOf($"{key}.{name}") is { } entryLine)
        {
            var property = propertyPath is null ? [] : Regex.Replace(propertyPath, @"\[\d+\]", "").Split('.');
            var line = property.Reverse().Select(p => keys.LineOf($"{key}.{name}.{p}")).FirstOrDefault(l => l is not null);
            return new SourceLocation(stackFile, line ?? entryLine);
        }

        if (source.Catalog is { } catalog && Entries(catalog).LineOf(resource!.Name, propertyPath, catalog) is { } catalogLine)
        {
            return new SourceLocation(catalog.File, catalogLine);
        }

        return new SourceLocation(source.File, LineCreating(source.File, resource!.Type));
    }

    private CatalogEntries Entries(CatalogSource catalog)
    {
        if (!_catalogs.TryGetValue(catalog.File, out var entries))
        {
            entries = CatalogEntries.Parse(readFile(catalog.File), catalog);
            _catalogs[catalog.File] = entries;
        }

        return entries;
    }

    /// <summary>The type and name of the nearest ancestor that is one of this program's components (type <c>infra:...</c>), read from the parent URNs.</summary>
    private static (string Type, string Name)? ComponentOf(PolicyResource resource, ResourceSet resources)
    {
        var parent = resource.Parent;
        for (var depth = 0; parent is not null && depth < 16; depth++)
        {
            if (ResourceUrn.TypeOf(parent) is { } type && type.StartsWith(Config, StringComparison.Ordinal))
            {
                return (type, ResourceUrn.NameOf(parent));
            }

            parent = resources.FindByUrn(parent)?.Parent;
        }

        return null;
    }

    /// <summary>The line of the first <c>new ...Class(</c> of the resource's class in a component's code, else 1.</summary>
    private int LineCreating(string file, string type)
    {
        if (!_files.TryGetValue(file, out var text))
        {
            text = readFile(file);
            _files[file] = text;
        }

        var className = type[(type.LastIndexOf(':') + 1)..];
        var match = text is null ? null : Regex.Match(text, $@"new\s+(?:[\w.]+\.)?{Regex.Escape(className)}\s*\(");
        return match is { Success: true } ? text![..match.Index].Count(c => c == '\n') + 1 : 1;
    }
}
