using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Every EBS volume is encrypted.
/// Flags: <c>blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }]</c>, an instance's
/// <c>rootBlockDevice: { encrypted: false }</c>, or <c>aws.ebs.Volume { encrypted: false }</c>.
/// </summary>
public sealed class EncryptedVolumesRule : PolicyRule
{
    public const string Code = "aws-ec2-encrypted-volumes";

    public override string Id => Code;

    public override string Title => "EBS volumes are encrypted";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.LaunchTemplate, TypeTokens.Instance, TypeTokens.EbsVolume];

    public override string Rationale => "Disks hold customer data and credentials; encryption at rest is required for every store of bank data.";

    public override string Remediation => "Set encrypted to true (\"true\" in a launch template's ebs block) with the environment's KMS key.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 2.2.1", "PCI DSS 3.5.1", "ISO 27001 A.8.24"];

    protected override IEnumerable<string> Check(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        switch (resource.Type)
        {
            case TypeTokens.EbsVolume:
                if (resource.Property("encrypted").AsBoolean() != true && !resource.Property("encrypted").IsUnknown)
                {
                    yield return "encrypted is not true";
                }

                break;
            case TypeTokens.Instance:
                var root = resource.Property("rootBlockDevice");
                if (root.IsPresent && root["encrypted"].AsBoolean() != true && !root["encrypted"].IsUnknown)
                {
                    yield return "rootBlockDevice.encrypted is not true";
                }

                var devices = resource.Property("ebsBlockDevices").Items;
                for (var i = 0; i < devices.Count; i++)
                {
                    if (devices[i]["encrypted"].AsBoolean() != true && !devices[i]["encrypted"].IsUnknown)
                    {
                        yield return $"ebsBlockDevices[{i}] ({devices[i]["deviceName"]}) is not encrypted";
                    }
                }

                break;
            default:
                var mappings = resource.Property("blockDeviceMappings").Items;
                for (var i = 0; i < mappings.Count; i++)
                {
                    var ebs = mappings[i]["ebs"];
                    if (ebs.IsPresent && ebs["encrypted"].AsBoolean() != true && !ebs["encrypted"].IsUnknown)
                    {
                        yield return $"blockDeviceMappings[{i}] ({mappings[i]["deviceName"]}) ebs.encrypted is not \"true\"";
                    }
                }

                break;
        }
    }
}
