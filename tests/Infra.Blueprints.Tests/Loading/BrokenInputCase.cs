namespace Infra.Blueprints.Tests.Loading;

/// <summary>One way to break the repository's files, and the diagnostic it must give.</summary>
public sealed record BrokenInputCase(string File, string Find, string Replace, string ExpectedFile, string ExpectedKeyPath, string ExpectedMessage)
{
    public override string ToString() => $"{ExpectedKeyPath}: {ExpectedMessage}";
}
