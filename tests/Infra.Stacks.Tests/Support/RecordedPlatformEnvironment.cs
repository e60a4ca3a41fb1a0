using Microsoft.Extensions.Time.Testing;
using Pulumi;

namespace Infra.Stacks.Tests.Support;

/// <summary>The stack program with a <see cref="ResourceRecorder"/> on every resource, at a fixed time.</summary>
public sealed class RecordedPlatformEnvironment : PlatformEnvironment
{
    /// <summary>The day the recorded stacks are computed for: people's access and the rules' "today".</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public RecordedPlatformEnvironment()
        : this(new ResourceRecorder())
    {
    }

    private RecordedPlatformEnvironment(ResourceRecorder recorder)
        : base(new StackOptions { ResourceTransformations = { recorder.Record } }, new FakeTimeProvider(Now))
    {
        Recorder = recorder;
    }

    public ResourceRecorder Recorder { get; }

}
