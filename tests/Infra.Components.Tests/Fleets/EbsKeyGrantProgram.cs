using Infra.Blueprints.Fleets;
using Infra.Components.Fleets;
using Pulumi;

namespace Infra.Components.Tests.Fleets;

/// <summary>The staging fleets' KMS grant for Auto Scaling and the provider of its region.</summary>
public sealed class EbsKeyGrantProgram : Stack
{
    public EbsKeyGrantProgram()
    {
        Blueprint = Paris();
        var aws = new Pulumi.Aws.Provider("aws-eu-west-3", new Pulumi.Aws.ProviderArgs { Region = "eu-west-3" });
        Grant = new EbsKeyGrant(Blueprint.Name, new EbsKeyGrantArgs { Blueprint = Blueprint, Aws = aws });
    }

    public EbsKeyGrantBlueprint Blueprint { get; }

    public EbsKeyGrant Grant { get; }

    public static EbsKeyGrantBlueprint Paris() => StagingFleets.EbsKeyGrants().Single(b => b.Region == "eu-west-3");
}
