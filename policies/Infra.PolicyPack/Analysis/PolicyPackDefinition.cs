using System.Reflection;
using Infra.Policies.Rules;
using Infra.Policies.Rules.Secrets;
using Infra.Policies.Rules.Waivers;

namespace Infra.PolicyPack.Analysis;

/// <summary>What the pack is: its name and version as diagnostics show them, and the rules it serves.</summary>
internal static class PolicyPackDefinition
{
    public const string Name = "infra-policies";

    public const string DisplayName = "Platform security and compliance rules";

    /// <summary>The assembly's version (the project's <c>Version</c>), without the source revision the SDK appends.</summary>
    public static string Version { get; } =
        typeof(PolicyPackDefinition).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// The catalog's rules but the two waiver rules: the pack applies no waivers (waivers and the baseline belong to
    /// the nightly run), so those rules would never fire.
    /// </summary>
    public static IReadOnlyList<PolicyRule> Rules { get; } =
        [.. RuleCatalog.All.Where(r => r.Id is not (ExpiredWaiverRule.Code or UnusedWaiverRule.Code))];

    /// <summary>
    /// Whether a rule judges that a value is a secret rather than what it is: such a rule sees every secret as the
    /// model's opaque <see cref="Infra.Policies.Model.PropertyValue.Secret"/>; every other rule sees the plaintext.
    /// </summary>
    public static bool JudgesSecrecy(PolicyRule rule) => rule is CredentialsAreSecretsRule;
}
