using Infra.Blueprints.Definition;
using Infra.Blueprints.People;
using Infra.Blueprints.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Blueprints.Loading;

/// <summary>
/// Loads a stack's definition from its config and the catalogs, and validates it. The CLI reads
/// the config from <c>Pulumi.&lt;stack&gt;.yaml</c>; the Pulumi program gets it from Pulumi. Both
/// go through the same readers and checks, so they give equal definitions.
/// </summary>
public sealed class StackDefinitionLoader(string repositoryRoot)
{
    public const string TeamsFile = "stacks/catalog/teams.yaml";
    public const string PeopleFile = "stacks/catalog/people.yaml";
    public const string TopicsFile = "stacks/catalog/kafka-topics.yaml";

    /// <summary>Top-level keys Pulumi allows in a stack settings file besides <c>config</c>.</summary>
    private static readonly string[] StackFileKeys = ["config", "secretsprovider", "encryptionsalt", "encryptedkey", "environment"];

    public string RepositoryRoot => repositoryRoot;

    /// <summary>The stacks of the repository: one per <c>Pulumi.&lt;stack&gt;.yaml</c> whose name is a stack name.</summary>
    public IReadOnlyList<string> StackNames() => [.. StackFileNames().Where(n => Patterns.StackName().IsMatch(n))];

    /// <summary>
    /// <c>Pulumi.&lt;name&gt;.yaml</c> files whose name is not a stack name (<c>Pulumi..yaml</c>, spaces): files a command
    /// refuses rather than reading them as a stack or passing them over without a word.
    /// </summary>
    public IReadOnlyList<string> MisnamedStackFiles() => [.. StackFileNames().Where(n => !Patterns.StackName().IsMatch(n)).Select(StackFile)];

    private IEnumerable<string> StackFileNames() =>
        Directory.EnumerateFiles(repositoryRoot, "Pulumi.*.yaml")
            .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal);

    public static string StackFile(string stackName) => $"Pulumi.{stackName}.yaml";

    public LoadResult LoadFromFiles(string stackName)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        var diagnostics = new List<Diagnostic>();
        var file = StackFile(stackName);
        var context = new DocumentContext(new SourceDocument(file, HasLines: true), diagnostics);
        if (!File.Exists(Path.Combine(repositoryRoot, file)))
        {
            context.Error("", $"stack '{stackName}' does not exist; stacks of this repository: {string.Join(", ", StackNames())}");
            return new LoadResult(null, diagnostics);
        }
        var keys = ReadStackFile(file, context);
        return keys is null ? new LoadResult(null, diagnostics) : Load(stackName, keys, context, diagnostics);
    }

    public LoadResult LoadFromConfig(string stackName, IStackConfigValues config)
    {
        ArgumentNullException.ThrowIfNull(stackName);
        ArgumentNullException.ThrowIfNull(config);
        var diagnostics = new List<Diagnostic>();
        var context = new DocumentContext(new SourceDocument($"Pulumi config of stack '{stackName}'", HasLines: false), diagnostics);
        var keys = new Dictionary<string, ValueReader>(StringComparer.Ordinal);
        foreach (var key in StackConfigKeys.Settings)
        {
            if (config.GetValue(key) is { } raw && ParseConfigValue(raw, key, context) is { } node)
            {
                keys[key] = new ValueReader(node, StackConfigReader.Qualified(key), context);
            }
        }
        foreach (var key in StackConfigKeys.Secrets.Where(config.HasSecret))
        {
            // The value stays with Pulumi; the definition only needs to know it is set, as a secret.
            var marker = new YamlMappingNode { { "secure", "(set)" } };
            keys[key] = new ValueReader(marker, StackConfigReader.Qualified(key), context);
        }
        return Load(stackName, keys, context, diagnostics);
    }

    private LoadResult Load(string stackName, IReadOnlyDictionary<string, ValueReader> keys, DocumentContext stackContext, List<Diagnostic> diagnostics)
    {
        var settings = StackConfigReader.Read(keys, stackContext);

        var teamsContext = new DocumentContext(new SourceDocument(TeamsFile, HasLines: true), diagnostics);
        var peopleContext = new DocumentContext(new SourceDocument(PeopleFile, HasLines: true), diagnostics);
        var topicsContext = new DocumentContext(new SourceDocument(TopicsFile, HasLines: true), diagnostics);
        var teams = ReadCatalog(TeamsFile, teamsContext, "teams", "id", CatalogReader.ReadTeam, out var teamIds);
        var people = ReadCatalog(PeopleFile, peopleContext, "people", "id", CatalogReader.ReadPerson, out var personIds);
        var topics = StreamedCatalogReader.ReadFile(Path.Combine(repositoryRoot, TopicsFile), topicsContext, "topics", "name", CatalogReader.ReadTopic, out var topicNames);

        var names = new ReferenceNames(stackName, Parsed(teamsContext, teamIds), Parsed(peopleContext, personIds), settings.DeclaredServices, settings.DeclaredDatabases, Parsed(topicsContext, topicNames),
            StackNames().ToHashSet(StringComparer.Ordinal));
        StackSettingsValidator.Validate(settings, names, stackContext);
        AlertOwnerValidator.Validate(settings, teams.Select(t => t.Value), stackContext);
        CatalogValidator.ValidateTeams(teams, teamsContext);
        ProductionVpnValidator.Validate(settings, teams, teamsContext);
        TeamVaultGrantValidator.Validate(teams, settings.Vault?.KvMount, teamsContext);
        CatalogValidator.ValidatePeople(people, names, names.Teams is null ? null : new AccessApprovers(teams.Select(t => t.Value), settings.Databases), peopleContext);
        CatalogValidator.ValidateOnCallRotas(teams, people, teamsContext);
        KafkaTopicValidator.Validate(topics, names, settings.Environment, topicsContext);

        if (diagnostics.Any(d => d.IsError))
        {
            return new LoadResult(null, diagnostics);
        }
        var catalog = new Catalog(
            teams.Select(t => t.Value).OrderBy(t => t.Id, StringComparer.Ordinal).ToEquatableList(),
            people.Select(p => p.Value).OrderBy(p => p.Id, StringComparer.Ordinal).ToEquatableList(),
            topics.Select(t => t.Value).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableList());
        var definition = new StackDefinition(
            stackName,
            settings.Environment!.Value,
            settings.CostCenter!,
            settings.AwsAccountId!,
            settings.Regions!,
            settings.Networks.ToEquatableList(),
            settings.Endpoints!,
            settings.Vault!,
            settings.Services.ToEquatableList(),
            settings.Databases.ToEquatableList(),
            settings.DatabaseAccess!,
            settings.DatabaseBackup!,
            settings.AccountBaseline!,
            catalog);
        return new LoadResult(definition, diagnostics);
    }

    private static IReadOnlySet<string>? Parsed(DocumentContext context, IReadOnlySet<string> names) => context.Unparsed ? null : names;

    /// <summary>Reads the <c>config:</c> of a stack file into its <c>infra:</c> keys, reporting foreign keys.</summary>
    private Dictionary<string, ValueReader>? ReadStackFile(string file, DocumentContext context)
    {
        if (ParseFile(file, context) is not { } root || root.Mapping() is not { } top)
        {
            return null;
        }
        foreach (var key in StackFileKeys)
        {
            top.Optional(key);
        }
        top.RejectUnknownKeys();
        var keys = new Dictionary<string, ValueReader>(StringComparer.Ordinal);
        if (top.Required("config") is not { } configValue || configValue.Mapping() is not { } config)
        {
            return keys;
        }
        // A missing key is reported at the line of `config:`.
        context.Remember("", configValue.Node);
        var prefix = StackConfigKeys.Namespace + ":";
        var known = StackConfigKeys.Settings.Concat(StackConfigKeys.Secrets).ToList();
        foreach (var (name, value) in config.Entries())
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && known.Contains(name[prefix.Length..]))
            {
                // Key paths start at the config key, as `pulumi config` names them.
                keys[name[prefix.Length..]] = new ValueReader(value.Node, name, context);
            }
            else if (!StackConfigKeys.ForeignAllowed.Contains(name))
            {
                context.Error(name, value.Node, $"unknown config key '{name}'; allowed: {string.Join(", ", known.Select(StackConfigReader.Qualified).Concat(StackConfigKeys.ForeignAllowed))}");
            }
        }
        return keys;
    }

    private List<Located<T>> ReadCatalog<T>(string file, DocumentContext context, string listKey, string idKey, Func<MappingReader, T?> read, out IReadOnlySet<string> ids)
        where T : class
    {
        ids = new HashSet<string>();
        return ParseFile(file, context) is { } root ? CatalogReader.ReadList(root, listKey, idKey, read, out ids) : [];
    }

    /// <summary>Parses a YAML file; a missing, empty or malformed file is one error with its position.</summary>
    private ValueReader? ParseFile(string file, DocumentContext context) =>
        YamlSources.ReadFile(Path.Combine(repositoryRoot, file), context, text =>
        {
            var stream = new YamlStream();
            stream.Load(new BoundedParser(text));
            if (stream.Documents.Count == 0)
            {
                context.Error("", "the file is empty");
                return null;
            }
            return new ValueReader(stream.Documents[0].RootNode, "", context);
        });

    private static YamlNode? ParseConfigValue(string raw, string key, DocumentContext context)
    {
        var trimmed = raw.TrimStart();
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('['))
        {
            // Pulumi hands top-level scalars over as their text, as a plain YAML scalar would read.
            return new YamlScalarNode(raw) { Style = ScalarStyle.Plain };
        }
        try
        {
            var stream = new YamlStream();
            stream.Load(new BoundedParser(new StringReader(raw)));
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            context.Error(StackConfigReader.Qualified(key), $"is not valid JSON: {YamlSources.Message(e)}");
            return null;
        }
    }
}
