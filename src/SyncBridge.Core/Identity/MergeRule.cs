using System.Diagnostics.CodeAnalysis;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// A merge rule as written in configuration: <c>MostRecentWins</c>, <c>DontSync</c>, <c>PreferSource:salesforce</c>,
/// <c>SourceOfTruth:hubspot</c> (case-insensitive; source names as <see cref="SourceSystemNames.Parse"/> reads them).
/// </summary>
public sealed record MergeRule(MergeRuleKind Kind, SourceSystem Source = SourceSystem.Unknown)
{
    public static readonly MergeRule MostRecentWins = new(MergeRuleKind.MostRecentWins);
    public static readonly MergeRule DontSync = new(MergeRuleKind.DontSync);

    public static MergeRule PreferSource(SourceSystem source) => new(MergeRuleKind.PreferSource, source);

    public static MergeRule SourceOfTruth(SourceSystem source) => new(MergeRuleKind.SourceOfTruth, source);

    /// <summary>True when the rule names a source.</summary>
    public bool NeedsSource => Kind is MergeRuleKind.PreferSource or MergeRuleKind.SourceOfTruth;

    /// <summary>Parses the configuration form; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MergeRule? rule, [NotNullWhen(false)] out string? error)
    {
        rule = null;
        var value = text?.Trim() ?? string.Empty;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? value : value[..colon].Trim();
        var sourceText = colon < 0 ? string.Empty : value[(colon + 1)..].Trim();

        if (!Enum.TryParse<MergeRuleKind>(kindText, ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind)
            || kindText.Length == 0
            || char.IsDigit(kindText[0]))
        {
            error = $"unknown merge rule '{value}'; use MostRecentWins, DontSync, PreferSource:<source> or SourceOfTruth:<source>";
            return false;
        }

        var needsSource = kind is MergeRuleKind.PreferSource or MergeRuleKind.SourceOfTruth;
        if (!needsSource)
        {
            if (sourceText.Length > 0)
            {
                error = $"merge rule '{kindText}' takes no source, but '{value}' names one";
                return false;
            }

            rule = new MergeRule(kind);
            error = null;
            return true;
        }

        var source = SourceSystemNames.Parse(sourceText);
        if (source == SourceSystem.Unknown)
        {
            error = sourceText.Length == 0
                ? $"merge rule '{kindText}' needs a source, e.g. '{kindText}:salesforce'"
                : $"unknown source '{sourceText}' in merge rule '{value}'; use hubspot, salesforce, csv or form";
            return false;
        }

        rule = new MergeRule(kind, source);
        error = null;
        return true;
    }

    /// <summary>The configuration form, e.g. <c>PreferSource:salesforce</c>.</summary>
    public override string ToString() => NeedsSource ? $"{Kind}:{Source.ToName()}" : Kind.ToString();
}
