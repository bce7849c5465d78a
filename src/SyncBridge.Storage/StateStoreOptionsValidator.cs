using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SyncBridge.Storage;

/// <summary>Rules of <see cref="StateStoreOptions"/> beyond data annotations; reports every failure, naming the key.</summary>
internal sealed partial class StateStoreOptionsValidator : IValidateOptions<StateStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StateStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = StateStoreOptions.SectionName;

        var sqlite = StateStoreProvider.IsSqlite(options.Provider);
        var postgres = StateStoreProvider.IsPostgreSql(options.Provider);
        if (!sqlite && !postgres)
        {
            failures.Add($"{Section}:{nameof(StateStoreOptions.Provider)}: '{options.Provider}' is not supported; "
                + $"use '{StateStoreProvider.Sqlite}' (one file, the default) or '{StateStoreProvider.PostgreSql}'.");
        }

        if (!postgres)
        {
            if (string.IsNullOrWhiteSpace(options.SqlitePath))
            {
                failures.Add($"{Section}:{nameof(StateStoreOptions.SqlitePath)}: a database file path is required.");
            }
            else if (options.SqlitePath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0
                || options.SqlitePath.EndsWith('/') || options.SqlitePath.EndsWith('\\'))
            {
                failures.Add($"{Section}:{nameof(StateStoreOptions.SqlitePath)}: '{options.SqlitePath}' is not a valid file path.");
            }
        }

        if (postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add($"{Section}:{nameof(StateStoreOptions.ConnectionString)}: a PostgreSQL connection string is required when "
                    + $"{Section}:{nameof(StateStoreOptions.Provider)} is '{StateStoreProvider.PostgreSql}' "
                    + "(set it in the environment as SyncBridge__State__ConnectionString or in user secrets).");
            }
            else if (ParseError(options.ConnectionString) is { } error)
            {
                // The message of the parser names the offending keyword, never the value (which may be a password).
                failures.Add($"{Section}:{nameof(StateStoreOptions.ConnectionString)}: not a valid PostgreSQL connection string: {error}");
            }

            if (!IsValidSchema(options.Schema))
            {
                failures.Add($"{Section}:{nameof(StateStoreOptions.Schema)}: '{options.Schema}' is not a valid schema name; use 1 to 63 "
                    + "lower-case letters, digits and underscores, starting with a letter or underscore and not with 'pg_'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsValidSchema(string? schema) =>
        schema is not null && SchemaName().IsMatch(schema) && !schema.StartsWith("pg_", StringComparison.Ordinal);

    private static string? ParseError(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host) ? "it names no Host." : null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
