using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Infra.Cli;

/// <summary>Options that several commands share, and the parser checks every command uses.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// The one <c>--repository</c> option: defined once on the root command and recursive, so every
    /// command takes it.
    /// </summary>
    public static Option<string?> Repository() => new("--repository")
    {
        Description = "The infrastructure repository (the folder holding Pulumi.yaml); default: found from the current folder",
        Recursive = true,
    };

    public static Option<string> Stack(bool required) => new("--stack")
    {
        Description = "The stack: a Pulumi.<stack>.yaml of the repository, e.g. staging or production",
        Required = required,
    };

    /// <summary>
    /// An option whose values are the lowercase names of <typeparamref name="TFormat"/>'s members, the first
    /// (value 0) being the default: an unknown value is a parse error, printed and exited with 2 like every other
    /// usage error. Help says the default as it is typed (<c>[default: table]</c>); a default value factory would
    /// make it print the member's name (<c>Table</c>), which the parser refuses.
    /// </summary>
    public static Option<TFormat> Format<TFormat>(string name, string description)
        where TFormat : struct, Enum
    {
        if (!EqualityComparer<TFormat>.Default.Equals(Enum.GetValues<TFormat>()[0], default))
        {
            throw new ArgumentException($"{typeof(TFormat).Name}'s first member is its default and must have the value 0", nameof(TFormat));
        }
        var names = FormatNames<TFormat>();
        var option = new Option<TFormat>(name)
        {
            Description = $"{description} [default: {names[0]}]",
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (names.Contains(text, StringComparer.Ordinal))
                {
                    return Enum.Parse<TFormat>(text, ignoreCase: true);
                }
                result.AddError($"{name} {text}: not a format; expected one of {string.Join(", ", names)}");
                return default;
            },
        };
        option.CompletionSources.Add([.. names]);
        return option;
    }

    /// <summary>The values of a format option: its enum's member names, lowercase, in declaration order.</summary>
    public static IReadOnlyList<string> FormatNames<TFormat>()
        where TFormat : struct, Enum => [.. Enum.GetNames<TFormat>().Select(FormatName)];

    public static string FormatName<TFormat>(TFormat format)
        where TFormat : struct, Enum => FormatName(format.ToString());

    /// <summary>
    /// A parser check that the option's value lies in <paramref name="minimum"/>..<paramref name="maximum"/>;
    /// <paramref name="expected"/> says what is allowed (for all the command's options at once).
    /// </summary>
    public static Option<int> InRange(this Option<int> option, int minimum, int maximum, string expected)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var value && (value < minimum || value > maximum))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{expected}; found {option.Name} {value}"));
            }
        });
        return option;
    }

    private static string FormatName(string member) => member.ToLowerInvariant();
}
