using Microsoft.Extensions.Options;

namespace SyncBridge.Storage;

/// <summary>Rules of <see cref="StateStoreOptions"/> beyond data annotations; reports every failure, naming the key.</summary>
internal sealed class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    public const string SqliteProvider = "Sqlite";

    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = StateStoreOptions.SectionName;

        if (!string.Equals(options.Provider?.Trim(), SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:{nameof(StateStoreOptions.Provider)}: '{options.Provider}' is not supported; "
                + "use 'Sqlite' (PostgreSQL is not available yet).");
        }

        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add($"{Section}:{nameof(StateStoreOptions.SqlitePath)}: a database file path is required.");
        }
        else if (options.SqlitePath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0
            || options.SqlitePath.EndsWith('/') || options.SqlitePath.EndsWith('\\'))
        {
            failures.Add($"{Section}:{nameof(StateStoreOptions.SqlitePath)}: '{options.SqlitePath}' is not a valid file path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
