using System.Net;
using System.Runtime.ExceptionServices;
using Refit;

namespace SyncBridge.Connectors.Salesforce.Http;

/// <summary>Turns a failed Refit response into a <see cref="SalesforceApiException"/> carrying Salesforce's error code.</summary>
internal static class SalesforceResponses
{
    public static T Ensure<T>(IApiResponse<T> response)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode && response.Content is not null)
        {
            return response.Content;
        }

        ThrowIfNotReceived(response);
        throw ToException(response);
    }

    /// <summary>
    /// Refit captures exceptions thrown before a response arrived (by a handler or the transport) in the
    /// response; they are thrown again as they were (a limit stop, an authentication failure, a timeout).
    /// </summary>
    public static void ThrowIfNotReceived(IApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.HasRequestError(out var requestError) && requestError.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
        }
    }

    /// <summary>The body of a failed response, or null.</summary>
    public static string? ErrorContent(IApiResponse response) =>
        response.HasResponseError(out var error) ? error.Content : null;

    public static SalesforceApiException ToException(IApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = response.StatusCode ?? 0;
        var errors = SalesforceErrorBody.Parse(ErrorContent(response));
        return errors.Count > 0
            ? new SalesforceApiException(status, errors[0].Code, errors[0].Message)
            : new SalesforceApiException(status, "HTTP_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Error?.Message ?? "no body");
    }
}
