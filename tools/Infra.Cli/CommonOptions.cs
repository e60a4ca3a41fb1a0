using System.CommandLine;

namespace Infra.Cli;

/// <summary>Options that several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Repository() => new("--repository")
    {
        Description = "The infrastructure repository (the folder holding Pulumi.yaml); default: found from the current folder",
    };

    public static Option<string> Stack(bool required) => new("--stack")
    {
        Description = "The stack: a Pulumi.<stack>.yaml of the repository, e.g. staging or production",
        Required = required,
    };
}
