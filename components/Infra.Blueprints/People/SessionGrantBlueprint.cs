namespace Infra.Blueprints.People;

/// <summary>
/// A temporary session grant as an inline policy <see cref="PolicyName"/> on the service's fleet role: Session
/// Manager's channel, which a restricted fleet otherwise lacks, allowed by IAM only before <see cref="EndsAt"/>
/// (<c>aws:CurrentTime</c>), so the shell closes on time even without a run; the next run after it deletes the policy.
/// </summary>
/// <param name="Policy">The policy document: the one <c>SessionChannel</c> statement with the grant's end.</param>
public sealed record SessionGrantBlueprint(string Person, string Service, string PolicyName, string Policy, DateTimeOffset EndsAt);
