namespace SyncBridge.Worker.Csv;

/// <summary>
/// One record read from a CSV file. <see cref="Line"/> is the physical line the record starts on (1-based,
/// the header is line 1). <see cref="Error"/> is non-empty when the record is malformed; its fields are then
/// not to be used.
/// </summary>
internal readonly record struct CsvRecord(long Line, IReadOnlyList<string> Fields, string Error)
{
    public bool IsMalformed => Error.Length > 0;
}
