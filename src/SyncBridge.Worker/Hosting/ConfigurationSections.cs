using System.Reflection;

namespace SyncBridge.Worker.Hosting;

/// <summary>Maps an options type to the configuration section it binds, for error messages that name the setting.</summary>
internal static class ConfigurationSections
{
    /// <summary>The options type's <c>SectionName</c> constant, or its type name when it has none.</summary>
    public static string Of(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        var field = optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
        return field?.GetValue(null) as string ?? optionsType.Name;
    }

    /// <summary>
    /// Prefixes a validation failure of the form <c>Member: message</c> with its section, giving
    /// <c>Section:Member: message</c>; other failures get <c>Section: </c> in front.
    /// </summary>
    public static string Qualify(string section, string failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(section);
        if (failure.StartsWith(section, StringComparison.Ordinal) || failure.StartsWith("SyncBridge:", StringComparison.Ordinal))
        {
            return failure;
        }

        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && failure.AsSpan(0, colon).IndexOfAnyExcept(MemberPathChars) < 0)
        {
            return $"{section}:{failure}";
        }

        return $"{section}: {failure}";
    }

    private static readonly System.Buffers.SearchValues<char> MemberPathChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.[]:");
}
