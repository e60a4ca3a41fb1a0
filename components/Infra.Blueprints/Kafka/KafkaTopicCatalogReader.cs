using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Infra.Blueprints.Validation;

namespace Infra.Blueprints.Kafka;

/// <summary>
/// Reads and validates a topic catalog on its own, against the names a stack declares, with the
/// same readers and checks that <see cref="StackDefinitionLoader"/> runs. For tools that work on
/// the topic catalog alone, such as the benchmark.
/// </summary>
public static class KafkaTopicCatalogReader
{
    public static (EquatableList<KafkaTopicDefinition> Topics, IReadOnlyList<Diagnostic> Diagnostics) Read(
        TextReader yaml, string stack, EnvironmentKind environment, IReadOnlySet<string> stacks, IReadOnlySet<string> teams, IReadOnlySet<string> services)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new List<Diagnostic>();
        var context = new DocumentContext(new SourceDocument(StackDefinitionLoader.TopicsFile, HasLines: true), diagnostics);
        var topics = StreamedCatalogReader.Read(yaml, context, "topics", "name", CatalogReader.ReadTopic, out var names);
        var empty = new HashSet<string>();
        var referenceNames = new ReferenceNames(stack, teams, empty, services, empty, names, stacks);
        KafkaTopicValidator.Validate(topics, referenceNames, environment, context);
        return (topics.Select(t => t.Value).OrderBy(t => t.Name, StringComparer.Ordinal).ToEquatableList(), diagnostics);
    }
}
