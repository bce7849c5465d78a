using System.Net;
using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.Web;

/// <summary>Each of <c>SyncBridge:Status:Urls</c> must be an absolute http URL with a host and no path.</summary>
internal sealed class StatusOptionsValidator : IValidateOptions<StatusOptions>
{
    private const string Setting = $"{StatusOptions.SectionName}:{nameof(StatusOptions.Urls)}";

    public ValidateOptionsResult Validate(string? name, StatusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.UrlList.Count == 0)
        {
            failures.Add($"{Setting}: give at least one absolute http URL (e.g. http://127.0.0.1:8080).");
        }

        foreach (var url in options.UrlList)
        {
            if (!Uri.TryCreate(Wildcard(url), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || string.IsNullOrEmpty(uri.Host))
            {
                failures.Add($"{Setting}: '{url}' is not an absolute http URL (e.g. http://127.0.0.1:8080).");
            }
            else if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query))
            {
                failures.Add($"{Setting}: '{url}' has a path or query; give scheme, host and port only.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="url"/> (already valid) binds only the loopback interface.</summary>
    public static bool IsLoopback(string url)
    {
        var host = new Uri(Wildcard(url)).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Kestrel's "any address" hosts (<c>*</c>, <c>+</c>) as an address <see cref="Uri"/> can parse.</summary>
    private static string Wildcard(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}
