using System.Text.RegularExpressions;

namespace SyncBridge.Worker.Tests;

/// <summary>The <c>decisions: …</c> and <c>updates: …</c> lines that <c>sync</c> and <c>demo</c> print, for tests that read their figures.</summary>
internal static partial class UpdatePathOutput
{
    [GeneratedRegex(@"decisions: (?<persons>\d+) persons decided, \d+ marketing contacts, (?<queued>\d+) updates queued")]
    public static partial Regex Decided();

    [GeneratedRegex(@"updates: dispatched (?<dispatched>\d+); received \d+: applied (?<applied>\d+), .* dead-lettered (?<dead>\d+)")]
    public static partial Regex Updates();
}
