using System.Globalization;

namespace SyncBridge.Core.Sync;

/// <summary>What one ingest of one source did.</summary>
public sealed record IngestSummary(string Source, int Pages, int Contacts, int Persons, int Deleted, int Errors)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source}: {Pages} pages, {Contacts} contacts into {Persons} persons, {Deleted} deleted or merged away, {Errors} record errors");
}
