namespace SyncBridge.Core.Identity;

/// <summary>How one property of a person is chosen from the records of several systems.</summary>
public enum MergeRuleKind
{
    /// <summary>The value most recently changed (property change time, else the record's modification time) wins.</summary>
    MostRecentWins = 0,

    /// <summary>The named source's value wins unless it is blank; otherwise the most recent value wins.</summary>
    PreferSource,

    /// <summary>The named source's value always wins, even a blank; the most recent value only when that source has no record.</summary>
    SourceOfTruth,

    /// <summary>The primary record keeps its own value; the property is never propagated to other systems.</summary>
    DontSync,
}
