using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Turns a raw source record into a canonical contact. Pure and deterministic; safe to share across threads.
/// </summary>
public sealed class ContactNormalizer
{
    public ContactNormalizer(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public NormalizationOptions Options { get; }

    public CanonicalContact Normalize(RawContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = Options.DefaultRegion;
        throw new NotImplementedException("PENDING: normalization (issue 2)");
    }
}
