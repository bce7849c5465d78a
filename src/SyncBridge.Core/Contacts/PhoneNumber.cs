namespace SyncBridge.Core.Contacts;

/// <summary>
/// A phone number as received and as normalized. Input that does not parse keeps <see cref="Original"/>,
/// has an empty <see cref="E164"/> and <see cref="IsValid"/> false: it is never dropped.
/// </summary>
public sealed record PhoneNumber(string Original, string E164, string Extension, bool IsValid)
{
    public static readonly PhoneNumber Empty = new(string.Empty, string.Empty, string.Empty, false);

    public bool IsEmpty => Original.Length == 0;
}
