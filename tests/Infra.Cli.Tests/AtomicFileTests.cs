namespace Infra.Cli.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_file_is_replaced_whole_or_left_as_it_was()
    {
        var directory = Directory.CreateTempSubdirectory("infra-cli-");
        try
        {
            var path = Path.Combine(directory.FullName, "junit.xml");
            File.WriteAllText(path, "old");

            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
            {
                s.Write("partial"u8);
                throw new InvalidOperationException("writer failed");
            }));
            Assert.Equal("old", File.ReadAllText(path));

            AtomicFile.Write(path, s => s.Write("<?xml version=\"1.0\"?><testsuites/>"u8));
            Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Single(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
