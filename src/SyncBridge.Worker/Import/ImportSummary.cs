using System.Globalization;

namespace SyncBridge.Worker.Import;

/// <summary>What an <c>import</c> run stored.</summary>
internal sealed record ImportSummary(long Rows, long MalformedRows, int Persons, int MultiRecordPersons, int Conflicts, TimeSpan Elapsed)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"imported {Rows} rows as {Persons} persons ({MultiRecordPersons} made of several records); " +
        $"{Conflicts} merge conflicts recorded; malformed rows skipped: {MalformedRows}; {Elapsed.TotalSeconds:F1} s");
}
