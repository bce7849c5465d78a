using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// The last line of defence for personal data in logs: string properties that look like an email address or a
/// phone number are replaced before any sink sees them. Code logs person keys and record ids, never these; this
/// catches what slips through (an exception message quoting a CRM's validation error, say).
/// </summary>
internal sealed partial class PersonalDataRedactionEnricher : ILogEventEnricher
{
    public const string RedactedEmail = "[email redacted]";
    public const string RedactedPhone = "[phone redacted]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? replacements = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && Redact(text) is { } redacted)
            {
                (replacements ??= []).Add(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }

        if (replacements is null)
        {
            return;
        }

        foreach (var property in replacements)
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The text with emails and phone numbers masked, or null when it holds neither.</summary>
    internal static string? Redact(string text)
    {
        var result = EmailPattern().Replace(text, RedactedEmail);
        result = PhonePattern().Replace(result, RedactedPhone);
        return ReferenceEquals(result, text) || string.Equals(result, text, StringComparison.Ordinal) ? null : result;
    }

    [GeneratedRegex(@"[^\s@<>""'(),;:]+(@|＠)[^\s@<>""'(),;:]+\.[^\s@<>""'(),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // International (+ and 8+ digits) or national (10+ digits) numbers, with spaces, dots, hyphens or parentheses between digits.
    [GeneratedRegex(@"(?<![\w+])(?:\+\d(?:[\s\-.()]{0,2}\d){7,}|\(?\d(?:[\s\-.()]{0,2}\d){9,})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
