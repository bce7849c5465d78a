namespace SyncBridge.Messaging.Amqp;

/// <summary>The broker's answer to a CBS put-token; <see cref="StatusCode"/> 0 when the reply was not understood.</summary>
internal sealed record CbsPutTokenResult(int StatusCode, string? Description)
{
    public bool Succeeded => StatusCode is 200 or 202;
}
