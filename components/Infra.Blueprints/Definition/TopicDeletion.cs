namespace Infra.Blueprints.Definition;

/// <summary>
/// Where a topic is on its way out, as the catalog's <c>delete</c> key says. A production topic is
/// <c>protect</c>ed in Pulumi, and Pulumi refuses to delete a protected resource; so a deletion takes
/// two releases: <see cref="Unprotect"/> drops the protection and keeps the topic, <see cref="Delete"/>
/// then deletes it.
/// </summary>
public enum TopicDeletion
{
    /// <summary><c>delete: false</c> (or no key): the topic lives.</summary>
    None,

    /// <summary><c>delete: unprotect</c>, release 1: the topic and its ACLs stay, the protection goes.</summary>
    Unprotect,

    /// <summary><c>delete: true</c>, release 2: the topic and its ACLs are deleted.</summary>
    Delete,
}
