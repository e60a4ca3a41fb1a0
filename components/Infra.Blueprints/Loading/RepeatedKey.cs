namespace Infra.Blueprints.Loading;

/// <summary>A key given a second time in one JSON object, at its second occurrence (line and column 1-based).</summary>
public readonly record struct RepeatedKey(long Line, long Column, string Key)
{
    /// <summary>What is wrong and what is allowed, without the position (each reader says it its own way).</summary>
    public string Problem => $"the key \"{Key}\" appears twice in one object; each key may appear once";
}
