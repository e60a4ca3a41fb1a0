using Infra.PolicyPack.Protocol;

namespace Infra.PolicyPack.Tests.Support;

/// <summary>One running pack and a client for a whole test class: starting it once keeps the suite fast.</summary>
public sealed class PolicyPackFixture : IAsyncLifetime, IDisposable
{
    private PolicyPackProcess? _pack;
    private PackClient? _client;

    public PolicyPackProcess Pack => _pack ?? throw new InvalidOperationException("not started");

    public Analyzer.AnalyzerClient Client => (_client ?? throw new InvalidOperationException("not started")).Analyzer;

    public int Port => Pack.Port;

    public async Task InitializeAsync()
    {
        _pack = await PolicyPackProcess.StartAsync();
        _client = new PackClient(_pack.Port);
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
