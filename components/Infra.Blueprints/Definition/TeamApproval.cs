namespace Infra.Blueprints.Definition;

/// <summary>A member of a privileged team approved a person's membership of it on <see cref="Date"/> (people.yaml <c>approvals</c>).</summary>
public sealed record TeamApproval(string Team, string Approver, DateOnly Date);
