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
    [InlineData("""{"type":"cloud","state":{"url":"awskms://alias/infra-pulumi-production?region=eu-west-3","encryptedkey":"AQICAHg="}}""", "cloud", "awskms://alias/infra-pulumi-production?region=eu-west-3")]
    [InlineData("""{"type":"passphrase","state":{"salt":"v1:abc"}}""", "passphrase", null)]
    public void The_secrets_provider_of_the_state_is_read_before_or_after_the_resources(string providers, string type, string? url)
    {
        var resource = """{"urn":"urn:pulumi:s::p::pulumi:pulumi:Stack::p-s","type":"pulumi:pulumi:Stack"}""";
        foreach (var export in new[]
        {
            """{"version":3,"deployment":{"manifest":{},"secrets_providers":""" + providers + ""","resources":[""" + resource + "]}}",
            """{"version":3,"deployment":{"resources":[""" + resource + """],"secrets_providers":""" + providers + "}}",
        })
        {
            var read = StackExportReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(export), 5), "state.json");

            Assert.Equal(new StateSecretsProvider(type, url), read.SecretsProvider);
            Assert.Single(read);
        }
    }

    [Fact]
    public void An_export_without_a_secrets_provider_says_nothing_about_one()
    {
        var read = StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes("""{"version":3,"deployment":{"resources":[]}}""")), "state.json");

        Assert.Null(read.SecretsProvider);
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

        while (parser.TryReadNext(out var entry))
        {
            urns.Add(entry!.Resource.Urn);
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

    [Fact]
    public void A_resource_pending_deletion_is_read_and_marked()
    {
        const string export = """
            {"version":3,"deployment":{"resources":[
              {"urn":"urn:pulumi:s::p::aws:kms/key:Key::old","type":"aws:kms/key:Key","delete":true,"inputs":{"enableKeyRotation":false}},
              {"urn":"urn:pulumi:s::p::aws:kms/key:Key::new","type":"aws:kms/key:Key","delete":false,"inputs":{"enableKeyRotation":true}}
            ]}}
            """;

        var entries = StackExportReader.ReadEntries(new MemoryStream(Encoding.UTF8.GetBytes(export)), "state.json").ToList();

        Assert.Equal([true, false], entries.Select(e => e.PendingDeletion));
        Assert.Equal(["urn:pulumi:s::p::aws:kms/key:Key::old", "urn:pulumi:s::p::aws:kms/key:Key::new"], Read(export).Select(r => r.Urn));
    }

    [Fact]
    public void Each_resource_knows_its_position()
    {
        var entries = StackExportReader.ReadEntries(new TrickleStream(Encoding.UTF8.GetBytes(Export), 5), "state.json").ToList();

        Assert.Equal([(7L, 7L), (12L, 7L), (20L, 7L)], entries.Select(e => (e.Line, e.Column)));
        Assert.Equal([0, 1, 2], entries.Select(e => e.Index));
        Assert.Equal((byte)'{', Encoding.UTF8.GetBytes(Export)[entries[2].ByteOffset]);
        Assert.StartsWith("state.json:20:7 (byte ", entries[2].Error("a problem").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(7)]
    public void A_key_repeated_in_one_object_is_an_error_at_the_second(int chunk)
    {
        const string export = "{\"version\":3,\"deployment\":{\"resources\":[\n{\"urn\":\"urn:pulumi:s::p::t::u\",\"type\":\"aws:kms/key:Key\",\n  \"inputs\":{\"tags\":{\"team\":\"a\",\"team\":\"b\"}}}]}}";

        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(export), chunk), "state.json"));

        Assert.Equal((3L, 32L), (error.Line, error.Column));
        Assert.Contains("deployment.resources[0]: the key \"team\" appears twice in one object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_in_two_objects_is_no_repetition()
    {
        var resource = Assert.Single(Read("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:s::p::t::u","type":"t","inputs":{"a":{"a":{"a":1}},"b":{"a":2}}}]}}"""));

        Assert.Equal(1, resource.Property("a.a.a").AsNumber());
        Assert.Equal(2, resource.Property("b.a").AsNumber());
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Multibyte_text_cut_by_any_read_is_read_whole(int chunk)
    {
        var export = """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:s::p::t::café-😀","type":"t","inputs":{"owner":"Zoë Müller 日本"}}]}}""";

        var resource = Assert.Single(StackExportReader.ReadAll(new TrickleStream(Encoding.UTF8.GetBytes(export), chunk), "state.json"));

        Assert.Equal("urn:pulumi:s::p::t::café-😀", resource.Urn);
        Assert.Equal("Zoë Müller 日本", resource.Property("owner").AsString());
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "0xC3", 1 << 20)]
    [InlineData(new byte[] { 0xFF }, "0xFF", 1 << 20)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "0xED", 1 << 20)]
    [InlineData(new byte[] { 0xC3, 0x28 }, "0xC3", 1)]
    [InlineData(new byte[] { 0xE6, 0x97 }, "0xE6 0x97", 2)]
    public void Invalid_utf8_in_a_string_is_an_error_at_its_byte(byte[] invalid, string shown, int chunk)
    {
        byte[] export = [.. "{\"version\":3,\"deployment\":{\"resources\":[\n  {\"urn\":\"urn:pulumi:s::p::t::u\",\"type\":\"t\",\"inputs\":{\"owner\":\"ab"u8, .. invalid, .. "\"}}]}}"u8];

        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadAll(new TrickleStream(export, chunk), "state.json"));

        Assert.Equal((2L, 66L, 106L), (error.Line, error.Column, error.ByteOffset));
        Assert.Contains($"invalid UTF-8 ({shown})", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_ending_inside_a_character_is_an_error()
    {
        byte[] export = [.. "{\"version\":3,\"deployment\":{\"resources\":[{\"urn\":\"u"u8, 0xE6, 0x97];

        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadAll(new MemoryStream(export), "state.json"));

        Assert.Contains("invalid UTF-8 (0xE6 0x97)", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_zero_bytes_fail_at_the_first_without_reading_on()
    {
        var zeros = new EndlessStream(0);

        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadAll(zeros, "/dev/zero"));

        Assert.Equal((1L, 1L), (error.Line, error.Column));
        Assert.StartsWith("/dev/zero:1:1: error: malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.True(zeros.BytesRead <= StackExportParser.InitialBufferSize, $"{zeros.BytesRead} bytes read");
    }

    [Fact]
    public void A_value_larger_than_the_window_is_an_error_instead_of_filling_the_memory()
    {
        var spaces = new EndlessStream((byte)' ');
        var parser = new StackExportParser(spaces, "spaces.json", initialBufferSize: 1 << 10, maximumWindowSize: 1 << 20);

        var error = Assert.Throws<StateFileException>(() => parser.TryReadNext(out _));

        Assert.Contains("no complete JSON value in the 1 MiB from here", error.Message, StringComparison.Ordinal);
        Assert.True(spaces.BytesRead <= 1 << 20, $"{spaces.BytesRead} bytes read");
    }

    /// <summary>A stream of one byte repeated without end, like <c>/dev/zero</c>.</summary>
    private sealed class EndlessStream(byte value) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(value);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static ResourceSet Read(string text) =>
        StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), "state.json");
}
