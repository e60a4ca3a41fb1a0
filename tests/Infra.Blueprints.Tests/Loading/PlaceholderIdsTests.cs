using Infra.Blueprints.Tests.Support;
using Infra.Blueprints.Validation;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>Ids written before the real ones were known are in a documented form, warned about with their key and line.</summary>
public sealed class PlaceholderIdsTests
{
    [Theory]
    [InlineData("sg-00000000005a75cec", true)]
    [InlineData("rtb-0000000000f0e2101", true)]
    [InlineData("pl-0000000000abcdef0", true)]
    [InlineData("sg-0d9fbf2288fc37822", false)]
    [InlineData("sg-000000000a5a75cec", false)]
    [InlineData("sg-00000000", false)]
    [InlineData("vpc-00000000005a75cec", false)]
    public void The_placeholder_form_is_ten_zeros_after_the_prefix(string id, bool placeholder) =>
        Assert.Equal(placeholder, PlaceholderIds.IsPlaceholder(id));

    [Fact]
    public void Each_placeholder_is_a_warning_with_its_key_and_line_and_the_stack_stays_valid()
    {
        using var repository = new RepositoryCopy();

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.False(loaded.HasErrors, loaded.FormatErrors());
        var vault = Assert.Single(loaded.Diagnostics, d => d.KeyPath == "infra:networks.eu-west-3.platformPeers.vault");
        Assert.False(vault.IsError);
        Assert.Equal(repository.LineOf(Files.Staging, "        vault: sg-00000000005a75cec"), vault.Line);
        Assert.Contains("'sg-00000000005a75cec' is a placeholder", vault.Message, StringComparison.Ordinal);
        Assert.Contains("security group or prefix list of Vault", vault.Message, StringComparison.Ordinal);
        Assert.Contains(loaded.Diagnostics, d => d.KeyPath == "infra:networks.eu-west-1.routeTableIds[2]" && !d.IsError);
        Assert.Contains(loaded.Diagnostics, d => d.KeyPath == "infra:networks.eu-west-3.egressProxy.securityGroupId" && !d.IsError);
    }

    [Fact]
    public void Real_ids_raise_no_warning()
    {
        using var repository = new RepositoryCopy()
            .Edit(Files.Staging, "        vault: sg-00000000005a75cec", "        vault: sg-5a75cec2e0aaba630");

        var loaded = repository.Loader.LoadFromFiles("staging");

        Assert.DoesNotContain(loaded.Diagnostics, d => d.KeyPath == "infra:networks.eu-west-3.platformPeers.vault");
        Assert.Contains(loaded.Diagnostics, d => d.KeyPath == "infra:networks.eu-west-3.platformPeers.consul");
    }
}
