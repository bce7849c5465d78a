namespace SyncBridge.Core.Normalization;

/// <summary>A person's name split into family and given names, each cleaned (empty when unknown).</summary>
internal readonly record struct PersonName(string Family, string Given)
{
    public static readonly PersonName Empty = new(string.Empty, string.Empty);
}
