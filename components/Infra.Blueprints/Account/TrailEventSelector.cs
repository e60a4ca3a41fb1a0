namespace Infra.Blueprints.Account;

/// <summary>One advanced event selector of the trail: the events whose fields equal the listed values (CloudTrail's <c>Equals</c>).</summary>
public sealed record TrailEventSelector(string Name, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> FieldEquals);
