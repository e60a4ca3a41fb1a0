namespace Infra.Cli.Tests.Faults;

/// <summary>What a user sees on bad input is a message, never a .NET stack trace.</summary>
internal static class NoTrace
{
    public static void In(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Error + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
    }
}
