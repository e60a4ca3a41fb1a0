namespace Infra.Blueprints.Aws;

/// <summary>One tag as AWS takes it.</summary>
public sealed record ResourceTag(string Key, string Value);
