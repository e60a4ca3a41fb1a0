using System.Text.RegularExpressions;

namespace Infra.Blueprints.Loading;

/// <summary>The shapes of IAM actions and resources a service may declare.</summary>
internal static partial class IamPatterns
{
    [GeneratedRegex("^(\\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$")]
    public static partial Regex Action();

    [GeneratedRegex("^(\\*|arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9*?-]*:([0-9]{12}|\\*)?:\\S+)$")]
    public static partial Regex Resource();
}
