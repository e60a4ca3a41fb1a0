namespace Infra.Blueprints.Planning;

/// <summary>The Kafka topics of one domain (the first part of their names).</summary>
public sealed record TopicDomainPlan(string Domain, int Topics, int Partitions, IReadOnlyList<string> Owners);
