using System.Text;
using System.Text.RegularExpressions;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary>
/// The <c>normalize</c> contract against the golden dataset in Data/normalize (issue 2): 250+ messy records whose
/// expected outputs were written from the contract, not from the code. Every column must match exactly; person ids
/// must partition the rows exactly as the dataset's group labels do.
/// </summary>
public sealed partial class NormalizeGoldenTests : IDisposable
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "Data", "normalize");
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-golden-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync(args, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static List<IReadOnlyList<string>> ReadRecords(string text)
    {
        using var reader = new CsvReader(new StringReader(text));
        var records = new List<IReadOnlyList<string>>();
        while (reader.TryRead(out var record))
        {
            Assert.False(record.IsMalformed, $"line {record.Line}: {record.Error}");
            records.Add(record.Fields);
        }

        return records;
    }

    [Fact]
    public async Task Normalize_MessyDataset_ReproducesTheExpectedOutputExactly()
    {
        var outputPath = Path.Combine(_directory, "out.csv");
        var (code, _, err) = await RunAsync("normalize", "--input", Path.Combine(DataDirectory, "messy-input.csv"), "--output", outputPath);
        Assert.True(code == 0, err);
        Assert.DoesNotContain("messy-input.csv:", err, StringComparison.Ordinal);

        var actualBytes = await File.ReadAllBytesAsync(outputPath, TestContext.Current.CancellationToken);
        Assert.False(actualBytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "output must not start with a BOM");
        var expectedText = await File.ReadAllTextAsync(Path.Combine(DataDirectory, "messy-expected.csv"), TestContext.Current.CancellationToken);
        var actualText = Encoding.UTF8.GetString(actualBytes);
        var expected = ReadRecords(expectedText);
        var actual = ReadRecords(actualText);

        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        var personColumn = expected[0].Count - 1;
        Assert.Equal("person_id", expected[0][personColumn]);

        // Person ids: same partition as the labels, and the documented format.
        var labelOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        for (var row = 1; row < expected.Count; row++)
        {
            var id = actual[row][personColumn];
            var label = expected[row][personColumn];
            Assert.Matches(PersonIdFormat(), id);
            if (labelOf.TryGetValue(id, out var seenLabel) && seenLabel != label)
            {
                mismatches.Add($"row {row}: person_id {id} joins {seenLabel} and {label}");
            }

            if (idOf.TryGetValue(label, out var seenId) && seenId != id)
            {
                mismatches.Add($"row {row}: group {label} split into {seenId} and {id}");
            }

            labelOf.TryAdd(id, label);
            idOf.TryAdd(label, id);

            for (var column = 0; column < personColumn; column++)
            {
                if (!string.Equals(expected[row][column], actual[row][column], StringComparison.Ordinal))
                {
                    mismatches.Add($"row {row} {expected[0][column]}: expected '{expected[row][column]}', got '{actual[row][column]}'");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differences:\n" + string.Join('\n', mismatches.Take(60)));

        // With the ids replaced by their labels the bytes are the expected file's bytes (quoting, line ends, order).
        var relabelled = new StringWriter();
        var writer = new CsvWriter(relabelled);
        foreach (var record in actual)
        {
            var fields = record.ToArray();
            if (labelOf.TryGetValue(fields[personColumn], out var label))
            {
                fields[personColumn] = label;
            }

            writer.WriteRecord(fields);
        }

        Assert.Equal(expectedText, relabelled.ToString());
        Assert.Equal(actualText, WithIds(relabelled.ToString(), idOf, personColumn));
    }

    private static string WithIds(string text, Dictionary<string, string> idOf, int personColumn)
    {
        var result = new StringWriter();
        var writer = new CsvWriter(result);
        foreach (var record in ReadRecords(text))
        {
            var fields = record.ToArray();
            if (idOf.TryGetValue(fields[personColumn], out var id))
            {
                fields[personColumn] = id;
            }

            writer.WriteRecord(fields);
        }

        return result.ToString();
    }

    [Fact]
    public async Task Normalize_MalformedRows_AreReportedWithTheirLinesAndTheRestIsWritten()
    {
        var input = Path.Combine(DataDirectory, "malformed-input.csv");
        var outputPath = Path.Combine(_directory, "out.csv");
        var (code, _, err) = await RunAsync("normalize", "--input", input, "--output", outputPath);

        Assert.Equal(0, code);
        var expectedLines = File.ReadAllLines(Path.Combine(DataDirectory, "malformed-expected.txt"))
            .Where(l => l.Trim().Length > 0).Select(l => long.Parse(l.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var reported = ReportedLine().Matches(err).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expectedLines, reported);

        var written = ReadRecords(await File.ReadAllTextAsync(outputPath, TestContext.Current.CancellationToken));
        Assert.Equal(5, written.Count); // header + the 4 good records
    }

    [GeneratedRegex("^p_[0-9a-f]{16}$")]
    private static partial Regex PersonIdFormat();

    [GeneratedRegex(@"malformed-input\.csv:(\d+): ", RegexOptions.Multiline)]
    private static partial Regex ReportedLine();
}
