namespace Infra.Policies.Model;

/// <summary>
/// A step of <c>pulumi preview --json</c> that destroys a resource: <see cref="Operation"/> is <c>delete</c> or
/// <c>replace</c> (a replacement's steps, <c>replace</c>, <c>create-replacement</c> and <c>delete-replaced</c>, count once),
/// and <see cref="Resource"/> is the state it destroys (the new state of a replacement when the old one is not given).
/// </summary>
public sealed record DestructiveStep(string Operation, PolicyResource Resource)
{
    public const string Delete = "delete";

    public const string Replace = "replace";
}
