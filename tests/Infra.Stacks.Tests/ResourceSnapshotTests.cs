using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>
/// The reviewed resource snapshot of each stack (stacks/snapshots/&lt;stack&gt;.resources.txt) is what
/// the program registers today. With INFRA_UPDATE_SNAPSHOTS=1 the test rewrites the file instead.
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class ResourceSnapshotTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_checked_in_snapshot_is_what_the_stack_registers(string stackName)
    {
        var path = SnapshotPath(stackName);
        var actual = ResourceSnapshot.Render(stackName, (await stacks.Of(stackName)).Resources);

        if (Environment.GetEnvironmentVariable("INFRA_UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        var expected = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var firstDifference = FirstDifferentLine(expected, actual);
        Assert.True(firstDifference is null,
            $"{Path.GetRelativePath(Root, path)} is not what the stack registers; first difference at {firstDifference}. "
            + "Review the change, then regenerate with INFRA_UPDATE_SNAPSHOTS=1 scripts/test.sh and commit the file.");
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Secret_config_values_never_appear_in_the_snapshot(string stackName)
    {
        var snapshot = ResourceSnapshot.Render(stackName, (await stacks.Of(stackName)).Resources);

        Assert.DoesNotContain(PulumiStackConfig.SecretPlaceholder, snapshot, StringComparison.Ordinal);
        Assert.Contains($"token = {ResourceSnapshot.Secret}", snapshot, StringComparison.Ordinal);
    }

    private static string Root => RepositoryRoot.Find(AppContext.BaseDirectory);

    private static string SnapshotPath(string stackName) => Path.Combine(Root, "stacks", "snapshots", $"{stackName}.resources.txt");

    private static string? FirstDifferentLine(string expected, string actual)
    {
        var expectedLines = expected.ReplaceLineEndings("\n").Split('\n');
        var actualLines = actual.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return $"line {i + 1}: expected '{e}', registered '{a}'";
            }
        }
        return null;
    }
}
