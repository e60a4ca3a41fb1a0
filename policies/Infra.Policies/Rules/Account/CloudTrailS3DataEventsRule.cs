using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// A multi-region trail records the read and the write data events of every S3 object: an advanced event selector of
/// category <c>Data</c> for <c>AWS::S3::Object</c> that no ARN or read-only field narrows (or one per <c>readOnly</c> value), or
/// a basic selector with the data resource <c>arn:aws:s3</c> and read-write type <c>All</c>.
/// Flags: a trail without S3 data events, one narrowed to some buckets, or writes only.
/// </summary>
public sealed class CloudTrailS3DataEventsRule : PolicyRule
{
    public const string Code = "aws-cloudtrail-s3-object-data-events";

    private const string S3Object = "AWS::S3::Object";

    public override string Id => Code;

    public override string Title => "The trail records reads and writes of every S3 object";

    public override RuleSeverity Severity => RuleSeverity.Medium;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.CloudTrail];

    public override string Rationale => "Management events show who changed a bucket, not who read or overwrote the statements and exports in it; object-level events do.";

    public override string Remediation => "Add an advanced event selector { eventCategory = Data, resources.type = AWS::S3::Object } beside the one for management events.";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.8", "CIS AWS 3.9", "PCI DSS 10.2.1", "ISO 27001 A.8.15"];

    protected override IEnumerable<PropertyIssue> Inspect(PolicyResource resource, ResourceSet resources, PolicyContext context)
    {
        var advanced = resource.Property("advancedEventSelectors");
        var basic = resource.Property("eventSelectors");
        if (resource.Property("isMultiRegionTrail").AsBoolean() != true || advanced.IsUnknown || basic.IsUnknown)
        {
            yield break;
        }

        var reads = false;
        var writes = false;
        foreach (var selector in advanced.Items)
        {
            var fields = selector["fieldSelectors"].Items.ToDictionary(f => f["field"].AsString() ?? "", f => f, StringComparer.Ordinal);
            if (!Selects(fields, "eventCategory", "Data") || !Selects(fields, "resources.type", S3Object)
                || fields.Keys.Any(k => k.StartsWith("resources.ARN", StringComparison.Ordinal) || k is "eventName" or "eventSource"))
            {
                continue;
            }

            var readOnly = fields.TryGetValue("readOnly", out var field) ? field["equals"].AsStrings().SingleOrDefault() : null;
            reads |= readOnly is null or "true";
            writes |= readOnly is null or "false";
        }

        foreach (var selector in basic.Items.Where(s => s["dataResources"].Items.Any(d => d["type"].AsString() == S3Object
            && d["values"].AsStrings().Any(v => v is "arn:aws:s3" or "arn:aws:s3:::"))))
        {
            var type = selector["readWriteType"].AsString() ?? "All";
            reads |= type is "All" or "ReadOnly";
            writes |= type is "All" or "WriteOnly";
        }

        if (!reads || !writes)
        {
            var missing = (reads, writes) switch { (false, false) => "reads or writes", (false, _) => "reads", _ => "writes" };
            yield return new PropertyIssue("advancedEventSelectors", $"the trail records no {missing} of S3 objects in every bucket");
        }
    }

    private static bool Selects(Dictionary<string, PropertyValue> fields, string field, string value) =>
        fields.TryGetValue(field, out var selector) && selector["equals"].AsStrings().SequenceEqual([value]);
}
