namespace Infra.Blueprints.Definition;

/// <summary>One service as declared in the stack config: the input of its fleet blueprint.</summary>
/// <param name="Protocol">What the load balancer speaks to the instances on <paramref name="Port"/>.</param>
/// <param name="TargetUtilisationPercent">The share of <paramref name="RpsPerInstance"/> the fleet is sized and scaled for.</param>
/// <param name="ListenerPriority">The shared listener rule's priority when declared; else derived from the name.</param>
/// <param name="Egress">Destinations outside the VPC (host:port), reached through the region's egress proxy only.</param>
/// <param name="StandbyMinimum">Instances of the warm standby fleet in the secondary region while that region is not the primary; when not declared, the environment's floor (FleetCapacity.StandbyMinimum).</param>
public sealed record ServiceDefinition(
    string Name,
    string Team,
    string Image,
    string InstanceType,
    int Port,
    TargetProtocol Protocol,
    int PeakRps,
    int RpsPerInstance,
    int TargetUtilisationPercent,
    DataClassification DataClassification,
    HealthCheckSettings HealthCheck,
    ServiceDependencies DependsOn,
    EquatableList<IamStatement> Iam,
    ServiceLevelSettings Slo,
    EquatableList<string> Egress,
    int? ListenerPriority,
    int? StandbyMinimum = null)
{
    /// <summary>Headroom for bursts within a minute and for slow requests, when a service declares no target utilisation.</summary>
    public const int DefaultTargetUtilisationPercent = 70;
}
