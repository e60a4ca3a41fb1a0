namespace Infra.Blueprints.People;

/// <summary>How one person's access to one resource at one level moves between two days.</summary>
public enum AccessChangeKind
{
    Gained,
    Lost,

    /// <summary>Still there, but it ends on another day or is given for another reason.</summary>
    Changed,
}
