namespace Infra.Blueprints.Databases;

/// <summary>One parameter of the cluster parameter group, as RDS takes it.</summary>
/// <param name="ApplyMethod"><c>pending-reboot</c> is accepted for static and dynamic parameters alike.</param>
public sealed record ClusterParameter(string Name, string Value, string ApplyMethod);
