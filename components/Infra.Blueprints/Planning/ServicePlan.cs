namespace Infra.Blueprints.Planning;

/// <summary>A service as the plan shows it: what runs, and who calls whom.</summary>
public sealed record ServicePlan(
    string Name,
    string Team,
    string Image,
    string InstanceType,
    int Port,
    int PeakRps,
    int RpsPerInstance,
    IReadOnlyList<string> Calls,
    IReadOnlyList<string> CalledBy,
    IReadOnlyList<string> Databases,
    int Topics);
