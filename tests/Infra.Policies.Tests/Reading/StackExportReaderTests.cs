using System.Text;
using Infra.Policies.Benchmarking;
using Infra.Policies.Model;
using Infra.Policies.Reading;
using Infra.Policies.Tests.Support;

namespace Infra.Policies.Tests.Reading;

/// <summary>`pulumi stack export` is read as a stream; bad files give a position, never a stack trace.</summary>
public sealed class StackExportReaderTests
{
    private const string Export = """
        {
          "version": 3,
          "deployment": {
            "manifest": { "time": "2026-11-21T23:00:00Z", "magic": "abc", "version": "v3.200.0" },
            "secrets_providers": { "type": "passphrase", "state": { "salt": "v1:abc" } },
            "resources": [
              {
                "urn": "urn:pulumi:production::infra::pulumi:pulumi:Stack::infra-production",
                "custom": false,
                "type": "pulumi:pulumi:Stack"
              },
              {
                "urn": "urn:pulumi:production::infra::pulumi:providers:aws::eu-west-3",
                "custom": true,
                "id": "0b0b6a3c-1111-2222-3333-444455556666",
                "type": "pulumi:providers:aws",
                "inputs": { "region": "eu-west-3" },
                "parent": "urn:pulumi:production::infra::pulumi:pulumi:Stack::infra-production"
              },
              {
                "urn": "urn:pulumi:production::infra::infra:database:ReplicatedDatabase$aws:rds/cluster:Cluster::ledger-db",
                "custom": true,
                "id": "ledger-db",
                "type": "aws:rds/cluster:Cluster",
                "inputs": {
                  "engine": "aurora-postgresql",
                  "storageEncrypted": true,
                  "masterPassword": { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:Zm9vYmFy" }
                },
                "outputs": { "arn": "arn:aws:rds:eu-west-3:444455556666:cluster:ledger-db", "backupRetentionPeriod": 35 },
                "parent": "urn:pulumi:production::infra::infra:database:ReplicatedDatabase::ledger-db",
                "protect": true,
                "dependencies": ["urn:pulumi:production::infra::infra:database:ReplicatedDatabase::ledger-db"],
                "provider": "urn:pulumi:production::infra::pulumi:providers:aws::eu-west-3::0b0b6a3c-1111-2222-3333-444455556666",
                "propertyDependencies": { "engine": [] }
              }
            ]
          }
        }
        """;

    [Fact]
    public void Resources_are_read_with_urn_type_parent_provider_protect_and_properties()
    {
        var resources = Read(Export);

        Assert.Equal(3, resources.Count);
        var cluster = resources.OfType("aws:rds/cluster:Cluster").Single();
        Assert.Equal("ledger-db", cluster.Name);
        Assert.Equal("ledger-db", cluster.Id);
        Assert.True(cluster.Protect);
        Assert.True(cluster.Custom);
        Assert.Equal("urn:pulumi:production::infra::infra:database:ReplicatedDatabase::ledger-db", cluster.Parent);
        Assert.Equal("urn:pulumi:production::infra::pulumi:providers:aws::eu-west-3", cluster.ProviderUrn);
        Assert.Single(cluster.Dependencies);
        Assert.Equal("aurora-postgresql", cluster.Property("engine").AsString());
        Assert.Equal(35, cluster.Property("backupRetentionPeriod").AsNumber());
        Assert.Equal("eu-west-3", resources.FindByUrn(cluster.ProviderUrn!)!.Property("region").AsString());
    }

    [Fact]
    public void A_secret_is_opaque()
    {
        var cluster = Read(Export).OfType("aws:rds/cluster:Cluster").Single();

        var password = cluster.Property("masterPassword");

        Assert.True(password.IsSecret);
        Assert.Null(password.AsString());
        Assert.Empty(password.Fields);
        Assert.Equal("[secret]", password.ToString());
    }

    [Fact]
    public void An_export_with_no_resources_gives_an_empty_set()
    {
        var resources = Read("""{"version":3,"deployment":{"manifest":{"time":"2026-11-21T23:00:00Z","magic":"","version":"v3.200.0"}}}""");

        Assert.Empty(resources);
    }

    [Fact]
    public void An_export_with_an_empty_resource_list_gives_an_empty_set()
    {
        Assert.Empty(Read("""{"version":3,"deployment":{"manifest":{},"resources":[]}}"""));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(300)]
    [InlineData(900)]
    public void A_truncated_export_reports_that_it_is_truncated_with_a_position(int keep)
    {
        var truncated = Export[..keep];

        var error = Assert.Throws<StateFileException>(() => Read(truncated));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Equal("state.json", error.File);
        Assert.NotNull(error.Line);
        Assert.StartsWith("state.json:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_export_reports_line_and_column()
    {
        var malformed = Export.Replace("\"custom\": true,\n        \"id\": \"ledger-db\"", "\"custom\": true\n        \"id\": \"ledger-db\"", StringComparison.Ordinal);
        Assert.NotEqual(Export, malformed);

        var error = Assert.Throws<StateFileException>(() => Read(malformed));

        Assert.Contains("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(23, error.Line);
        Assert.Matches(@"^state\.json:23:\d+: error: ", error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("""{"version":2,"deployment":{}}""", "unsupported deployment version 2")]
    [InlineData("""{"version":3}""", "no 'deployment'")]
    [InlineData("""{"version":3,"deployment":{"resources":[{"type":"aws:kms/key:Key"}]}}""", "deployment.resources[0]: resource without 'urn'")]
    [InlineData("""{"version":3,"deployment":{"resources":[]}} {}""", "malformed JSON")]
    public void Files_that_are_not_an_export_are_rejected_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<StateFileException>(() => Read(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_in_tiny_chunks_gives_the_same_resources()
    {
        var bytes = Encoding.UTF8.GetBytes(Export);

        var resources = StackExportReader.ReadAll(new TrickleStream(bytes, 7), "state.json");

        Assert.Equal(Read(Export).Select(r => r.Urn), resources.Select(r => r.Urn));
    }

    [Theory]
    [InlineData("""{"urn":"urn:pulumi:s::p::aws:kms/key:Key::k","type":"aws:kms/key:Key","inputs":{"enableKeyRotation":true},"outputs":{"enableKeyRotation":true,"arn":"arn:aws:kms:eu-west-3:1:key/k"}}""")]
    [InlineData("""{"urn":"urn:pulumi:s::p::aws:kms/key:Key::k","type":"aws:kms/key:Key","outputs":{"enableKeyRotation":true,"arn":"arn:aws:kms:eu-west-3:1:key/k"},"inputs":{"enableKeyRotation":true}}""")]
    public void Outputs_that_echo_an_input_are_dropped_wherever_the_inputs_stand(string resource)
    {
        var export = """{"version":3,"deployment":{"resources":[""" + resource + "]}}";

        var read = Assert.Single(StackExportReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(export), 3), "state.json"));

        Assert.True(read.Property("enableKeyRotation").AsBoolean());
        Assert.False(read.Outputs.At("enableKeyRotation").IsPresent);
        Assert.Equal("arn:aws:kms:eu-west-3:1:key/k", read.Outputs.At("arn").AsString());
    }

    [Fact]
    public void A_resource_larger_than_the_read_buffer_grows_the_buffer()
    {
        var parser = new StackExportParser(new TrickleStream(Encoding.UTF8.GetBytes(Export), 5), "state.json", initialBufferSize: 16);
        var urns = new List<string>();

        while (parser.TryReadNext(out var resource))
        {
            urns.Add(resource!.Urn);
        }

        Assert.Equal(Read(Export).Select(r => r.Urn), urns);
    }

    [Fact]
    public void A_generated_export_larger_than_the_read_buffer_is_read_completely()
    {
        using var stream = new MemoryStream();
        SyntheticStackExport.Write(stream, 12_000, "production");
        Assert.True(stream.Length > 2 << 20, $"{stream.Length} bytes");
        stream.Position = 0;

        var resources = StackExportReader.ReadAll(stream, "generated.json");

        Assert.Equal(12_000, resources.Count);
        Assert.Equal(12_000, resources.Select(r => r.Urn).Distinct().Count());
        Assert.All(resources.OfType("aws:rds/cluster:Cluster"), r => Assert.True(r.Property("masterPassword").IsSecret));
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadFile("/nonexistent/state.json"));

        Assert.StartsWith("/nonexistent/state.json: error: cannot open the file", error.Message, StringComparison.Ordinal);
    }

    private static ResourceSet Read(string text) =>
        StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), "state.json");
}
