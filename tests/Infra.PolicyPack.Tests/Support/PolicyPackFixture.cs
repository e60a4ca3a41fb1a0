namespace Infra.PolicyPack.Tests.Support;

/// <summary>One running pack and a client for a whole test class: starting it once keeps the suite fast.</summary>
public sealed class PolicyPackFixture : IAsyncLifetime, IDisposable
{
    private PolicyPackProcess? _pack;
    private AnalyzerClient? _client;

    public PolicyPackProcess Pack => _pack ?? throw new InvalidOperationException("not started");

    public AnalyzerClient Client => _client ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _pack = await PolicyPackProcess.StartAsync();
        _client = new AnalyzerClient(_pack.Port);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_pack is not null)
        {
            await _pack.DisposeAsync();
        }
    }

    public void Dispose() => _client?.Dispose();
}
