namespace Infra.PolicyPack.Analysis;

/// <summary>The pack's mutable state, shared by all calls: the current <see cref="PackConfiguration"/> and the cancellation of work in flight.</summary>
internal sealed class PackState : IDisposable
{
    private readonly Lock _lock = new();
    private PackConfiguration _configuration = PackConfiguration.Defaults;
    private readonly CancellationTokenSource _cancellation = new();

    public PackConfiguration Configuration => Volatile.Read(ref _configuration);

    /// <summary>Cancelled by the engine's Cancel: analyses in flight stop at the next rule.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    public void Update(Func<PackConfiguration, PackConfiguration> change)
    {
        lock (_lock)
        {
            Volatile.Write(ref _configuration, change(_configuration));
        }
    }

    public void Cancel() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();
}
