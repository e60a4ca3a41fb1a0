using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Compute;

/// <summary>
/// Every EBS volume is encrypted.
/// Flags: <c>blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }]</c>, an instance's
/// <c>rootBlockDevice: { encrypted: false }</c>, <c>aws.ebs.Volume { encrypted: false }</c>, and a launch template without
/// <c>blockDeviceMappings</c> or an instance without <c>rootBlockDevice</c> (the image's unencrypted default then applies).
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

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        switch (resource.Type)
        {
            case TypeTokens.EbsVolume:
                if (IsNotEncrypted(resource.Property("encrypted")))
                {
                    yield return new PropertyIssue("encrypted", "encrypted is not true");
                }

                break;
            case TypeTokens.Instance:
                var root = resource.Property("rootBlockDevice");
                if (!root.IsPresent)
                {
                    yield return new PropertyIssue("rootBlockDevice", "no rootBlockDevice: the image's root volume applies, unencrypted unless the image's snapshot is");
                }
                else if (IsNotEncrypted(root["encrypted"]))
                {
                    yield return new PropertyIssue("rootBlockDevice.encrypted", "rootBlockDevice.encrypted is not true");
                }

                var devices = resource.Property("ebsBlockDevices").Items;
                for (var i = 0; i < devices.Count; i++)
                {
                    if (IsNotEncrypted(devices[i]["encrypted"]))
                    {
                        yield return new PropertyIssue($"ebsBlockDevices[{i}].encrypted", $"ebsBlockDevices[{i}] ({devices[i]["deviceName"]}) is not encrypted");
                    }
                }

                break;
            default:
                var mappings = resource.Property("blockDeviceMappings");
                if (mappings.IsUnknown)
                {
                    break;
                }

                if (!mappings.Items.Any(m => m["ebs"].IsPresent))
                {
                    yield return new PropertyIssue("blockDeviceMappings", "no blockDeviceMappings with an ebs block: the image's volumes apply, unencrypted unless the image's snapshots are");
                }

                for (var i = 0; i < mappings.Items.Count; i++)
                {
                    var ebs = mappings.Items[i]["ebs"];
                    if (ebs.IsPresent && IsNotEncrypted(ebs["encrypted"]))
                    {
                        yield return new PropertyIssue($"blockDeviceMappings[{i}].ebs.encrypted", $"blockDeviceMappings[{i}] ({mappings.Items[i]["deviceName"]}) ebs.encrypted is not \"true\"");
                    }
                }

                break;
        }
    }

    private static bool IsNotEncrypted(PropertyValue encrypted) => encrypted.AsBoolean() != true && !encrypted.IsUnknown;
}
