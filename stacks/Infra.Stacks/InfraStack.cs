using System.Collections.Immutable;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The stack of one environment. Its definition comes from the stack's Pulumi config and the
/// repository's catalogs, through the same loader that reads the files for the CLI.
/// </summary>
public sealed class InfraStack : Stack
{
    public InfraStack()
    {
        // The language host starts the program in its project folder, below Pulumi.yaml.
        var repositoryRoot = RepositoryRoot.Find(Directory.GetCurrentDirectory());
        var loaded = new StackDefinitionLoader(repositoryRoot).LoadFromConfig(
            Deployment.Instance.StackName,
            new PulumiStackConfigValues(new Config(StackConfigKeys.Namespace)));

        foreach (var warning in loaded.Diagnostics.Where(d => !d.IsError))
        {
            Log.Warn(warning.ToString(), this);
        }

        if (loaded.HasErrors || loaded.Definition is not { } definition)
        {
            // The SDK reports a RunException as its message alone, without a stack trace.
            throw new RunException(loaded.FormatErrors());
        }

        Definition = definition;
        Environment = Output.Create(definition.Environment.ToString().ToLowerInvariant());
        PrimaryRegion = Output.Create(definition.Regions.Primary);
        SecondaryRegion = Output.Create(definition.Regions.Secondary);
        ServiceNames = Output.Create(definition.Services.Select(s => s.Name).ToImmutableArray());
        DatabaseNames = Output.Create(definition.Databases.Select(d => d.Name).ToImmutableArray());
    }

    /// <summary>The environment as loaded. Not a stack output: it is there for tests and components.</summary>
    public StackDefinition Definition { get; }

    // The SDK's Resource constructor assigns every [Output] property through its setter before this
    // constructor runs, so each needs one even though only this constructor sets the values.
    [Output("environment")]
    public Output<string> Environment { get; private set; }

    [Output("primaryRegion")]
    public Output<string> PrimaryRegion { get; private set; }

    [Output("secondaryRegion")]
    public Output<string> SecondaryRegion { get; private set; }

    // Stack outputs of list type must be ImmutableArray: the SDK rejects other collection types.
    [Output("serviceNames")]
    public Output<ImmutableArray<string>> ServiceNames { get; private set; }

    [Output("databaseNames")]
    public Output<ImmutableArray<string>> DatabaseNames { get; private set; }
}
