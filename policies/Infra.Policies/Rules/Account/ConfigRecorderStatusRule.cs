using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Account;

/// <summary>
/// Every AWS Config recorder is switched on: a <c>RecorderStatus</c> with its name and <c>isEnabled: true</c>. A recorder
/// alone records nothing.
/// Flags: <c>new aws.cfg.Recorder("config", ...)</c> without a status, or <c>new aws.cfg.RecorderStatus("config", { name: "config", isEnabled: false })</c>.
/// </summary>
public sealed class ConfigRecorderStatusRule : PolicyRule
{
    public const string Code = "aws-config-recorder-running";

    public override string Id => Code;

    public override string Title => "AWS Config recorders are switched on";

    public override RuleSeverity Severity => RuleSeverity.High;

    public override RuleScope Scope => RuleScope.Stack;

    public override IReadOnlyList<string> ResourceTypes { get; } = [TypeTokens.ConfigRecorder, TypeTokens.ConfigRecorderStatus];

    public override string Rationale => "A recorder that is created but stopped looks like AWS Config in every review and records nothing.";

    public override string Remediation => "Create an aws.cfg.RecorderStatus with the recorder's name and isEnabled true (after the delivery channel).";

    public override IReadOnlyList<string> Frameworks { get; } = ["CIS AWS 3.3", "PCI DSS 11.5.1", "ISO 27001 A.8.9", "DORA Art. 8"];

    public override IEnumerable<RuleFinding> Evaluate(ResourceSet resources, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var statuses = resources.OfType(TypeTokens.ConfigRecorderStatus);
        foreach (var status in statuses)
        {
            if (status.Property("isEnabled").AsBoolean() == false)
            {
                yield return Finding(status, $"isEnabled is false: recorder '{status.Property("name").AsString()}' is stopped", "isEnabled");
            }
        }

        if (statuses.Any(s => s.Property("name").IsUnknown))
        {
            yield break;
        }

        foreach (var recorder in resources.OfType(TypeTokens.ConfigRecorder))
        {
            var name = recorder.Property("name");
            var known = name.IsUnknown ? null : name.AsString() ?? recorder.Name;
            if (known is not null && !statuses.Any(s => s.ProviderUrn == recorder.ProviderUrn && s.Property("name").AsString() == known))
            {
                yield return Finding(recorder, $"no RecorderStatus switches recorder '{known}' on: it records nothing", "name");
            }
        }
    }
}
