using System.Text;
using Infra.Policies.Benchmarking;
using Infra.Policies.Model;
using Infra.Policies.Reading;

namespace Infra.Policies.Tests.Reading;

/// <summary>
/// An export file is read on every core (<see cref="StackExportReader.ReadFile"/>): the same resources as the reader in
/// order, and for a bad file the same error at the same position, however far into the file the problem is.
/// </summary>
public sealed class ParallelExportReaderTests : IDisposable
{
    /// <summary>Several chunks of resource bytes (about 2.6 MB), so that more than one builder works.</summary>
    private const int Resources = 12_000;

    /// <summary>Where a database's inputs start in the generated export (a key repeated among the outputs that echo an input is skipped unread).</summary>
    private const string DatabaseInputs = "\"inputs\":{\"engine\":\"aurora-postgresql\"";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"infra-parallel-export-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_large_export_gives_the_resources_of_the_reader_in_order_with_every_property()
    {
        var text = Generated();
        File.WriteAllText(_file, text);

        var parallel = ParallelExportReader.TryRead(_file);
        var inOrder = StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), _file);

        Assert.NotNull(parallel);
        Assert.Equal(Resources, parallel.Count);
        Assert.Equal(inOrder.Select(Render), parallel.Select(Render));
        Assert.Equal(inOrder.SecretsProvider, parallel.SecretsProvider);
        Assert.Same(parallel[7], parallel.FindByUrn(parallel[7].Urn));
    }

    [Fact]
    public void A_key_repeated_near_the_end_is_the_readers_error_at_the_second()
    {
        var text = Generated();
        var at = text.LastIndexOf(DatabaseInputs, StringComparison.Ordinal) + "\"inputs\":{".Length;
        AssertSameErrorAsInOrder(text.Insert(at, "\"engine\":\"mysql\","), "the key \"engine\" appears twice in one object");
    }

    [Fact]
    public void A_urn_given_twice_near_the_end_is_the_readers_error()
    {
        var text = Generated();
        var last = text.LastIndexOf("{\"urn\":", StringComparison.Ordinal);
        var urnEnd = text.IndexOf("\",", last, StringComparison.Ordinal) + 2;
        var copy = text[last..urnEnd] + "\"type\":\"aws:kms/key:Key\"},";
        AssertSameErrorAsInOrder(text.Insert(last, copy), "the URN is in the export a second time");
    }

    [Fact]
    public void A_file_cut_short_is_the_readers_error()
    {
        var text = Generated();
        AssertSameErrorAsInOrder(text[..(text.Length * 2 / 3)], "the file ends early");
    }

    [Fact]
    public void A_resource_error_before_a_syntax_error_is_reported_first_as_in_order()
    {
        var text = Generated();
        var early = text.IndexOf(DatabaseInputs, text.Length / 3, StringComparison.Ordinal) + "\"inputs\":{".Length;
        var broken = text[..(text.Length * 2 / 3)].Insert(early, "\"engine\":\"mysql\",");
        AssertSameErrorAsInOrder(broken, "the key \"engine\" appears twice in one object");
    }

    private void AssertSameErrorAsInOrder(string text, string problem)
    {
        File.WriteAllText(_file, text);

        var inOrder = Assert.Throws<StateFileException>(() => StackExportReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), _file));
        var error = Assert.Throws<StateFileException>(() => StackExportReader.ReadFile(_file));

        Assert.Null(ParallelExportReader.TryRead(_file));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(inOrder.Message, error.Message);
        Assert.Equal((inOrder.Line, inOrder.Column), (error.Line, error.Column));
    }

    private static string Generated()
    {
        using var stream = new MemoryStream();
        SyntheticStackExport.Write(stream, Resources, "production");
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Render(PolicyResource resource) => string.Join('|',
        resource.Urn, resource.Type, resource.Id, resource.Parent, resource.Provider, resource.Custom, resource.Protect,
        string.Join(',', resource.Dependencies), Render(resource.Inputs), Render(resource.Outputs));

    private static string Render(PropertyValue value) => value.Kind switch
    {
        PropertyKind.Map => "{" + string.Join(',', value.Fields.Select(f => f.Key + ":" + Render(f.Value))) + "}",
        PropertyKind.List => "[" + string.Join(',', value.Items.Select(Render)) + "]",
        PropertyKind.Text => "\"" + value.AsString() + "\"",
        _ => value.Kind.ToString() + ":" + value.ToString(),
    };
}
