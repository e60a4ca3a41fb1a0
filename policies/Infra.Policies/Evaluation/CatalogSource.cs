namespace Infra.Policies.Evaluation;

/// <summary>
/// A catalog file whose entries a component's resources are made from: the list under <see cref="ListKey"/>, each
/// entry named by its <see cref="IdKey"/> (people.yaml's <c>people</c> by <c>id</c>, kafka-topics.yaml's <c>topics</c> by
/// <c>name</c>). A resource belongs to the entry its name carries (<c>people-gitlab-cmurphy-bank-platform</c> to
/// <c>cmurphy</c>); <see cref="Keys"/> maps a resource property to the entry's key that sets it, where the names differ.
/// </summary>
public sealed record CatalogSource(string File, string ListKey, string IdKey, IReadOnlyDictionary<string, string> Keys);
