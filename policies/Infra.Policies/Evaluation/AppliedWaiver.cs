namespace Infra.Policies.Evaluation;

/// <summary>The waiver that excuses a violation, as reports show it.</summary>
public sealed record AppliedWaiver(string Resource, string Justification, string Approver, DateOnly Expires);
