namespace Infra.Blueprints.People;

/// <summary>
/// A temporary session grant on one of the service's fleets (one per region): the inline policy <see cref="PolicyName"/>
/// on that fleet's role, with Session Manager's channel, which a restricted fleet otherwise lacks, allowed by IAM only
/// before <see cref="EndsAt"/> (<c>aws:CurrentTime</c>), so the shell closes on time even without a run; the next run
/// after it deletes the policy.
/// </summary>
/// <param name="Fleet">The fleet's name (<c>FleetBlueprints.FleetName</c>), whose role carries the policy.</param>
/// <param name="Policy">The policy document: the one <c>SessionChannel</c> statement of the fleet's region, with the grant's end.</param>
public sealed record SessionGrantBlueprint(string Person, string Service, string Fleet, string Region, string PolicyName, string Policy, DateTimeOffset EndsAt);
