namespace Infra.Policies.Model;

/// <summary>What a <see cref="PropertyValue"/> holds.</summary>
public enum PropertyKind
{
    /// <summary>Absent or JSON null.</summary>
    Null,
    Boolean,
    Number,
    Text,
    List,
    Map,
    /// <summary>A Pulumi secret: its content was dropped when the state was read and can never be printed.</summary>
    Secret,
    /// <summary>A value that a preview cannot know yet (an output of a resource still to be created).</summary>
    Unknown,
}
