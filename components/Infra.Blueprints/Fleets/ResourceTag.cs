namespace Infra.Blueprints.Fleets;

/// <summary>One tag as AWS takes it.</summary>
public sealed record ResourceTag(string Key, string Value);
