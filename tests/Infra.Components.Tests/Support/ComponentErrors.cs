using Pulumi;
using Pulumi.Testing;

namespace Infra.Components.Tests.Support;

/// <summary>
/// The exception a component's constructor throws, caught where it is thrown. A component can only
/// be built inside a deployment, and the engine reports an exception of the program only as text;
/// caught at the constructor, a test can assert its exact type, parameter name and message.
/// </summary>
internal static class ComponentErrors
{
    /// <summary>Runs <paramref name="build"/> in a mock deployment (on a <see cref="RecordingMocks"/>) and returns what it threw, which must be exactly a <typeparamref name="TException"/>.</summary>
    public static async Task<TException> ThrownWhileBuildingAsync<TException>(Action build, string stackName = "staging")
        where TException : Exception
    {
        Exception? thrown = null;
        await Deployment.TestAsync(new RecordingMocks(), new TestOptions { IsPreview = false, StackName = stackName }, () =>
        {
            try
            {
                build();
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                thrown = e;
            }
        });
        return Assert.IsType<TException>(thrown);
    }
}
