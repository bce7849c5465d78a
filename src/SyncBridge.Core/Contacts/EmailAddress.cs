namespace SyncBridge.Core.Contacts;

/// <summary>
/// An email address as received and as normalized.
/// <see cref="Normalized"/> keeps +tags and dots; <see cref="MatchKey"/> is what identity resolution compares.
/// </summary>
public sealed record EmailAddress(string Original, string Normalized, bool IsValid, string MatchKey)
{
    public static readonly EmailAddress Empty = new(string.Empty, string.Empty, false, string.Empty);

    public bool IsEmpty => Normalized.Length == 0;

    /// <summary>The part after '@' of the normalized address, or empty.</summary>
    public string Domain
    {
        get
        {
            var at = Normalized.LastIndexOf('@');
            return at < 0 ? string.Empty : Normalized[(at + 1)..];
        }
    }

    /// <summary>The part before '@' of the normalized address, or empty.</summary>
    public string LocalPart
    {
        get
        {
            var at = Normalized.LastIndexOf('@');
            return at < 0 ? string.Empty : Normalized[..at];
        }
    }
}
