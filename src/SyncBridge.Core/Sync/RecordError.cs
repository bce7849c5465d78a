namespace SyncBridge.Core.Sync;

/// <summary>
/// A record that could not be read or applied: <paramref name="Source"/> names the source or file,
/// <paramref name="Location"/> where in it (line, page, record id), <paramref name="Message"/> what was wrong.
/// Carries no personal data beyond the record's id.
/// </summary>
public sealed record RecordError(string Source, string Location, string Message)
{
    public override string ToString() => $"{Source} {Location}: {Message}";
}
