using System.Globalization;

namespace SyncBridge.Worker.Normalize;

/// <summary>What a <c>normalize</c> run did, printed at its end.</summary>
internal sealed record NormalizeSummary
{
    public long RowsWritten { get; init; }
    public long MalformedRows { get; init; }
    public long Persons { get; init; }
    public long ValidEmails { get; init; }
    public long InvalidEmails { get; init; }
    public long ValidPhones { get; init; }
    public long InvalidPhones { get; init; }
    public TimeSpan Elapsed { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"normalized {RowsWritten} rows into {Persons} persons ({RowsWritten - Persons} duplicates merged); " +
        $"emails: {ValidEmails} valid, {InvalidEmails} invalid; phones: {ValidPhones} valid, {InvalidPhones} invalid; " +
        $"malformed rows skipped: {MalformedRows}; {Elapsed.TotalSeconds:F1} s");
}
