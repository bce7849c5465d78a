using System.Collections.Frozen;
using PhoneNumbers;
using CanonicalPhone = SyncBridge.Core.Contacts.PhoneNumber;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Phone rules of the normalize contract: NFKC, the extension split off whatever the notation
/// (<c>ext.</c>, <c>extension</c>, <c>x</c>, <c>#</c>, <c>内線</c>), then libphonenumber to E.164 with the
/// contact's country as region (else the configured default). Input that does not parse is kept as it came
/// and flagged invalid. Safe to share across threads (libphonenumber's utility is a thread-safe singleton).
/// </summary>
internal sealed class PhoneNormalizer
{
    private const int MinDigitsToParse = 2;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly FrozenSet<string> SupportedRegions = Util.GetSupportedRegions().ToFrozenSet(StringComparer.Ordinal);

    private readonly string _defaultRegion;

    public PhoneNormalizer(string defaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!SupportedRegions.Contains(region))
        {
            throw new ArgumentException($"'{defaultRegion}' is not a region libphonenumber can parse numbers for.", nameof(defaultRegion));
        }

        _defaultRegion = region;
    }

    /// <summary>True when libphonenumber has numbering data for <paramref name="region"/> (ISO alpha-2, upper case).</summary>
    public static bool IsSupportedRegion(string? region) => region is not null && SupportedRegions.Contains(region);

    /// <summary>The region used for a contact of <paramref name="countryCode"/> (ISO alpha-2, may be empty).</summary>
    public string RegionFor(string? countryCode) =>
        !string.IsNullOrEmpty(countryCode) && SupportedRegions.Contains(countryCode) ? countryCode : _defaultRegion;

    /// <summary>Normalizes one phone value; <paramref name="countryCode"/> is the contact's ISO alpha-2 code or empty.</summary>
    public CanonicalPhone Normalize(string? raw, string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return raw is null || raw.Length == 0 ? CanonicalPhone.Empty : CanonicalPhone.Empty with { Original = raw };
        }

        var text = NormalizedText.Nfkc(raw).Trim();
        var (number, extension) = SplitExtension(text);

        if (CountDigits(number) < MinDigitsToParse)
        {
            return new CanonicalPhone(raw, string.Empty, extension, false);
        }

        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(number, RegionFor(countryCode));
        }
        catch (NumberParseException)
        {
            return new CanonicalPhone(raw, string.Empty, extension, false);
        }

        if (extension.Length == 0 && parsed.HasExtension)
        {
            extension = parsed.Extension;
        }

        if (!Util.IsValidNumber(parsed))
        {
            return new CanonicalPhone(raw, string.Empty, extension, false);
        }

        return new CanonicalPhone(raw, Util.Format(parsed, PhoneNumberFormat.E164), extension, true);
    }

    /// <summary>
    /// Splits "number marker digits" into the number and the extension digits. A marker counts only after at
    /// least one digit of the number and only when digits follow it (spaces, ':' and '.' may sit between).
    /// </summary>
    internal static (string Number, string Extension) SplitExtension(string text)
    {
        var seenDigit = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                seenDigit = true;
                continue;
            }

            if (!seenDigit)
            {
                continue;
            }

            var markerLength = MarkerLengthAt(text.AsSpan(i));
            if (markerLength == 0)
            {
                continue;
            }

            var j = i + markerLength;
            while (j < text.Length && (text[j] is ':' or '.' || char.IsWhiteSpace(text[j])))
            {
                j++;
            }

            var digitsStart = j;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j == digitsStart)
            {
                continue;
            }

            var number = text.AsSpan(0, i).TrimEnd().TrimEnd("([,;/").TrimEnd();
            return (number.ToString(), text[digitsStart..j]);
        }

        return (text, string.Empty);
    }

    private static int MarkerLengthAt(ReadOnlySpan<char> rest)
    {
        switch (rest[0])
        {
            case 'e' or 'E':
                if (rest.StartsWith("extension", StringComparison.OrdinalIgnoreCase))
                {
                    return "extension".Length;
                }

                return rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase) ? "ext".Length : 0;
            case 'x' or 'X' or '#':
                return 1;
            case '内':
                return rest.StartsWith("内線", StringComparison.Ordinal) ? "内線".Length : 0;
            default:
                return 0;
        }
    }

    private static int CountDigits(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
