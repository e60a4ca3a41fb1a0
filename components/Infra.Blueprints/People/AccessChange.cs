namespace Infra.Blueprints.People;

/// <summary>One line of an access diff: the entry before (absent when gained) and after (absent when lost).</summary>
public sealed record AccessChange(AccessChangeKind Kind, AccessEntry? Before, AccessEntry? After)
{
    public AccessEntry Entry => After ?? Before!;
}
