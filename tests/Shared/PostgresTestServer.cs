using Npgsql;

namespace SyncBridge.Testing;

/// <summary>
/// The real PostgreSQL server the tests use: connection string from <c>SYNCBRIDGE_TEST_POSTGRES</c>, by default the cluster
/// that infra/local/start-postgresql.sh runs. When it does not answer, tests fail saying how to start it (never skip).
/// Linked into each test project that talks to the server.
/// </summary>
internal static class PostgresTestServer
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5433;Username=syncbridge;Database=syncbridge";

    private static readonly Lazy<string?> Unreachable = new(Probe);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SYNCBRIDGE_TEST_POSTGRES") is { Length: > 0 } value ? value : DefaultConnectionString;

    /// <summary>A fresh schema name for one test (lower-case, unique).</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N");

    /// <summary>Throws, naming the script to run, when the server cannot be reached.</summary>
    public static void EnsureReachable()
    {
        if (Unreachable.Value is { } reason)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL test server is not reachable ({Describe()}): {reason}. Start it with "
                + "'bash infra/local/start-postgresql.sh', or point SYNCBRIDGE_TEST_POSTGRES at a PostgreSQL server (an Npgsql connection string).");
        }
    }

    public static NpgsqlConnection OpenAdmin(string? schema = null)
    {
        EnsureReachable();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        if (schema is not null)
        {
            builder.SearchPath = schema;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    public static void DropSchema(string schema)
    {
        using var connection = OpenAdmin();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;", connection);
        command.ExecuteNonQuery();
    }

    private static string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }

    private static string? Probe()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            return e.Message;
        }
    }
}
