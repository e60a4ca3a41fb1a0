using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>One way to break the repository's files, and the diagnostic it must give.</summary>
public sealed record BrokenInputCase(string File, string Find, string Replace, string ExpectedFile, string ExpectedKeyPath, string ExpectedMessage)
{
    /// <summary>Breaks a copy of the repository and asserts that loading the stack reports exactly this error, with its line.</summary>
    public void AssertReported(string stack = "staging")
    {
        using var repository = new RepositoryCopy().Edit(File, Find, Replace);

        var result = repository.Loader.LoadFromFiles(stack);

        Assert.True(result.HasErrors);
        Assert.Null(result.Definition);
        var diagnostic = Assert.Single(result.Errors, d => d.File == ExpectedFile && d.KeyPath == ExpectedKeyPath && d.Message.Contains(ExpectedMessage, StringComparison.Ordinal));
        Assert.NotNull(diagnostic.Line);
    }

    public override string ToString() => $"{ExpectedKeyPath}: {ExpectedMessage}";
}
