using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Blueprints.Tests.Loading;

/// <summary>
/// The limits every YAML reader shares (BoundedParser), file by file: deep nesting, anchors and aliases, a
/// second document, an unclosed bracket. Each is one error with its file and line, never an exception, and
/// no follow-on error in the files that refer to the broken one.
/// </summary>
public sealed class YamlLimitsTests
{
    public static TheoryData<string> InputFiles => [Files.Staging, Files.Teams, Files.People, Files.Topics];

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void Nesting_fifty_thousand_levels_deep_is_one_error_not_a_stack_overflow(string file)
    {
        using var repository = new RepositoryCopy();
        var line = Append(repository, file, "deep: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var errors = repository.Loader.LoadFromFiles("staging").Errors;

        Assert.All(errors, e => Assert.Equal(file, e.File));
        var error = Assert.Single(errors, e => e.Message.Contains("nested", StringComparison.Ordinal));
        Assert.Equal(line, error.Line);
        Assert.Contains($"nested more than {BoundedParser.MaxDepth} levels deep", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void A_second_document_is_an_error_not_ignored(string file)
    {
        using var repository = new RepositoryCopy();
        var line = Append(repository, file, "---\nextra: 1\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal((file, line), (error.File, error.Line));
        Assert.Contains("a second YAML document starts here (---); the file holds one document", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void A_byte_that_is_not_utf8_is_one_error_at_its_position_not_a_replacement_character(string file)
    {
        using var repository = new RepositoryCopy();
        var line = Append(repository, file, "");
        File.AppendAllBytes(Path.Combine(repository.Root, file), [.. "# caf"u8, 0xE9, .. "\n"u8]);

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal((file, line), (error.File, error.Line));
        Assert.StartsWith("is not UTF-8 at column 6 (byte offset ", error.Message, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", error.Message, StringComparison.Ordinal);
        Assert.True(error.Unreadable);
    }

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void A_colon_without_a_key_is_one_error_at_its_position_not_an_exception(string file)
    {
        // Found by MutatedInputProperties: YamlDotNet reads these lines as a mapping whose last key has no value, and its
        // tree builder then throws an ArgumentException without a position.
        using var repository = new RepositoryCopy();
        var line = Append(repository, file, "stray:\n  :\n  :\n  a: 1\n");

        var errors = repository.Loader.LoadFromFiles("staging").Errors;

        // The streamed topics reader has reported the stray key before it reaches the broken line.
        Assert.All(errors, e => Assert.Equal(file, e.File));
        var error = Assert.Single(errors, e => e.Unreadable);
        Assert.Equal(line + 1, error.Line);
        Assert.Equal("is not valid YAML at column 4: a ':' with no key before it; write the key, or remove the ':'", error.Message);
    }

    [Theory]
    [InlineData(Files.Topics, "    owner: risk\n    partitions: 1\n", "    owner: &owner risk\n    partitions: 1\n", "the anchor &owner is not allowed")]
    [InlineData(Files.Teams, "  - id: platform\n", "  - id: &platform platform\n", "the anchor &platform is not allowed")]
    [InlineData(Files.Staging, "infra:costCenter: CC-", "infra:costCenter: *cost CC-", "the alias *cost is not allowed")]
    public void Anchors_and_aliases_are_refused_the_same_way_in_every_file_at_their_position(string file, string find, string replace, string message)
    {
        using var repository = new RepositoryCopy().Edit(file, find, replace);

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal((file, repository.LineOf(file, replace)), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("anchors and aliases (&name, *name) are not used in these files; write the value out in full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_opens()
    {
        using var repository = new RepositoryCopy().Edit(Files.Teams, "  - id: platform\n", "  - id: platform\n    extra: [one, two\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Equal(repository.LineOf(Files.Teams, "extra: [one"), error.Line);
        Assert.Contains($"the [list] or {{mapping}} opened at line {error.Line}, column 12 is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_catalog_is_one_error_without_follow_on_errors_in_the_files_that_refer_to_it()
    {
        using var repository = new RepositoryCopy().Edit(Files.Teams, "teams:\n", "teams: [\n");

        var errors = repository.Loader.LoadFromFiles("staging").Errors;

        Assert.Equal(Files.Teams, Assert.Single(errors).File);
    }

    [Fact]
    public void A_huge_value_is_echoed_by_its_start_and_length()
    {
        using var repository = new RepositoryCopy().Edit(Files.Staging, "infra:costCenter: CC-", "infra:costCenter: " + new string('X', 5_000_000) + "CC-");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("…' (5000007 characters) is not valid; expected CC- followed by four digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_topic_among_thousands_suggests_the_closest_few_not_all()
    {
        using var repository = new RepositoryCopy();
        var topics = string.Concat(Enumerable.Range(0, 5_000).Select(i =>
            $"  - name: generated.topic.number-{i:D5}.v1\n    owner: risk\n    partitions: 1\n    replicationFactor: 3\n    retentionHours: 24\n    cleanupPolicy: delete\n    dataClassification: internal\n"));
        Append(repository, Files.Topics, topics);
        repository.Edit(Files.Staging, "          - risk.model.deployed.v1\n", "          - generated.topic.number-0001.v1\n");

        var error = Assert.Single(repository.Loader.LoadFromFiles("staging").Errors);

        Assert.Contains("did you mean 'generated.topic.number-00001.v1' or ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("topics", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 600, error.Message);
    }

    /// <summary>Appends <paramref name="text"/> to the file; the 1-based line it starts at.</summary>
    private static int Append(RepositoryCopy repository, string file, string text)
    {
        var path = Path.Combine(repository.Root, file);
        var before = File.ReadAllText(path);
        File.AppendAllText(path, text);
        return before.Count(c => c == '\n') + 1;
    }
}
