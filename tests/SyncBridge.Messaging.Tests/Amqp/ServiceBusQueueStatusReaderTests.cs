using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary>
/// The Service Bus depth read over the real registration (Refit client, SAS handler, standard resilience pipeline)
/// against WireMock on 127.0.0.1 serving the namespace's Atom answers.
/// </summary>
public sealed class ServiceBusQueueStatusReaderTests
{
    private const int DepthReadFailed = 6613;
    private const int DepthReadRecovered = 6614;
    private static readonly QueueStatus Fallback = new(2, 2, null, 9);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatusAsync_QueueDescription_ReportsTheBrokersCounts()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Atom(ServiceBusAtom.QueueEntry("updates", active: 41, deadLetters: 6, scheduled: 1)));
        var fallback = new CountingFallback();

        var status = await host.Reader().GetStatusAsync(3, fallback.GetAsync, Ct);

        Assert.Equal(new QueueStatus(42, 3, null, 6), status);
        Assert.Null(status.Caveat);
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task GetStatusAsync_Request_HasThePathApiVersionAndAVerifiableSas()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Atom(ServiceBusAtom.QueueEntry("updates", 0, 0)));

        await host.Reader().GetStatusAsync(0, new CountingFallback().GetAsync, Ct);

        var request = Assert.Single(host.Server.LogEntries).RequestMessage;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/updates", request.Path);
        Assert.Equal("2021-05", request.Query!["api-version"].ToString());
        var token = Sas.Parse(request.Headers!["Authorization"].ToString());
        Assert.Equal("https://sbdepth-test.servicebus.windows.net/updates", WebUtility.UrlDecode(token.EncodedResource));
        Assert.Equal("https%3A%2F%2Fsbdepth-test.servicebus.windows.net%2Fupdates", token.EncodedResource);
        Assert.Equal(ServiceBusManagementHost.KeyName, token.KeyName);
        Assert.Equal(ServiceBusManagementHost.Start.Add(ServiceBusManagementHost.TokenTtl).ToUnixTimeSeconds(), token.Expiry);
        Assert.Equal(token.ExpectedSignature(ServiceBusManagementHost.Key), token.Signature);
        Assert.NotEqual(token.ExpectedSignature("another-key"), token.Signature);
    }

    [Fact]
    public async Task GetStatusAsync_SeveralReads_ReuseTheTokenAndRenewItNearExpiry()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Atom(ServiceBusAtom.QueueEntry("updates", 1, 0)));
        var reader = host.Reader();
        var fallback = new CountingFallback();
        var renewAt = ServiceBusManagementHost.TokenTtl - ServiceBusManagementHost.TokenRenewMargin;

        await reader.GetStatusAsync(0, fallback.GetAsync, Ct);
        host.Time.Advance(renewAt - TimeSpan.FromSeconds(1));
        await reader.GetStatusAsync(0, fallback.GetAsync, Ct);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await reader.GetStatusAsync(0, fallback.GetAsync, Ct);
        await reader.GetStatusAsync(0, fallback.GetAsync, Ct);

        var tokens = host.Server.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].ToString()).ToList();
        Assert.Equal(4, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[1], tokens[2]);
        Assert.Equal(tokens[2], tokens[3]);
        var renewed = Sas.Parse(tokens[2]);
        Assert.Equal(ServiceBusManagementHost.Start.Add(renewAt).Add(ServiceBusManagementHost.TokenTtl).ToUnixTimeSeconds(), renewed.Expiry);
        Assert.Equal(renewed.ExpectedSignature(ServiceBusManagementHost.Key), renewed.Signature);
    }

    [Fact]
    public async Task GetStatusAsync_Unauthorized_FallsBackWithACaveatAndWarnsOnce()
    {
        using var host = ServiceBusManagementHost.Create();
        host.Server.Given(Request.Create().WithPath("/updates").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/xml")
                .WithBody("<Error><Code>401</Code><Detail>Manage,EntityRead claim(s) are required for this operation. TrackingId:6f1c</Detail></Error>"));
        var reader = host.Reader();
        var fallback = new CountingFallback();

        var first = await reader.GetStatusAsync(2, fallback.GetAsync, Ct);
        var second = await reader.GetStatusAsync(2, fallback.GetAsync, Ct);

        Assert.Equal(Fallback, first with { Caveat = null });
        Assert.Equal(Fallback, second with { Caveat = null });
        Assert.Equal(2, fallback.Calls);
        Assert.Contains("Unauthorized", first.Caveat, StringComparison.Ordinal);
        Assert.Contains("Manage right", first.Caveat, StringComparison.Ordinal);
        var warning = Assert.Single(host.Warnings(DepthReadFailed));
        Assert.Contains("HTTP 401", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ReadQueueDepth", warning.Message, StringComparison.Ordinal);
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task GetStatusAsync_FailureKinds_EachWarnedOnceUntilAReadSucceeds()
    {
        using var host = ServiceBusManagementHost.Create();
        Sequence(
            host,
            Status(401),
            Status(403),
            Status(401),
            Status(404),
            Atom(ServiceBusAtom.QueueEntry("updates", 5, 0)),
            Status(401));
        var reader = host.Reader();
        var fallback = new CountingFallback();

        var statuses = new List<QueueStatus>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add(await reader.GetStatusAsync(0, fallback.GetAsync, Ct));
        }

        Assert.Equal(5, fallback.Calls);
        Assert.Equal(new QueueStatus(5, 0, null, 0), statuses[4]);
        Assert.Contains("Forbidden", statuses[1].Caveat, StringComparison.Ordinal);
        Assert.Contains("NotFound", statuses[3].Caveat, StringComparison.Ordinal);
        var warnings = host.Warnings(DepthReadFailed).Select(w => w.Message).ToList();
        Assert.Collection(
            warnings,
            w => Assert.Contains("Unauthorized", w, StringComparison.Ordinal),
            w => Assert.Contains("Forbidden", w, StringComparison.Ordinal),
            w => Assert.Contains("NotFound", w, StringComparison.Ordinal),
            w => Assert.Contains("Unauthorized", w, StringComparison.Ordinal));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == DepthReadRecovered);
    }

    [Fact]
    public async Task GetStatusAsync_MalformedXml_FallsBack()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Atom(ServiceBusAtom.QueueEntry("updates", 3, 1)[..350]));
        var fallback = new CountingFallback();

        var status = await host.Reader().GetStatusAsync(2, fallback.GetAsync, Ct);

        Assert.Equal(Fallback, status with { Caveat = null });
        Assert.Equal(1, fallback.Calls);
        Assert.Contains("Malformed", status.Caveat, StringComparison.Ordinal);
        Assert.Single(host.Warnings(DepthReadFailed));
    }

    [Fact]
    public async Task GetStatusAsync_EmptyFeedForAMissingQueue_FallsBackAsNotFound()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/atom+xml;type=feed;charset=utf-8").WithBody(ServiceBusAtom.EmptyFeed()));
        var fallback = new CountingFallback();

        var status = await host.Reader().GetStatusAsync(0, fallback.GetAsync, Ct);

        Assert.Equal(Fallback, status with { Caveat = null });
        Assert.Contains("NotFound", status.Caveat, StringComparison.Ordinal);
        Assert.Contains("QueueName", status.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_ServerErrors_RetriedByThePipelineThenFallsBack()
    {
        using var host = ServiceBusManagementHost.CreateWithRealTime(o => o.Retry.Delay = TimeSpan.FromMilliseconds(5));
        host.Server.Given(Request.Create().WithPath("/updates").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        var fallback = new CountingFallback();

        var status = await host.Reader().GetStatusAsync(0, fallback.GetAsync, Ct);

        Assert.Equal(Fallback, status with { Caveat = null });
        Assert.Contains("HttpError", status.Caveat, StringComparison.Ordinal);
        Assert.Equal(3, host.Server.LogEntries.Count); // the first try and the two retries of the registered pipeline
    }

    [Fact]
    public async Task GetStatusAsync_SlowEndpoint_TimesOutAndFallsBack()
    {
        using var host = ServiceBusManagementHost.CreateWithRealTime(o =>
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(5);
            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(150);
        });
        host.Server.Given(Request.Create().WithPath("/updates").UsingGet())
            .RespondWith(Atom(ServiceBusAtom.QueueEntry("updates", 1, 0)).WithDelay(TimeSpan.FromSeconds(1)));
        var fallback = new CountingFallback();

        var status = await host.Reader().GetStatusAsync(0, fallback.GetAsync, Ct);

        Assert.Equal(Fallback, status with { Caveat = null });
        Assert.Contains("Timeout", status.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatusAsync_CallerCancels_Throws()
    {
        using var host = ServiceBusManagementHost.Create();
        Stub(host, Atom(ServiceBusAtom.QueueEntry("updates", 1, 0)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var fallback = new CountingFallback();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Reader().GetStatusAsync(0, fallback.GetAsync, cancelled.Token));

        Assert.Equal(0, fallback.Calls);
    }

    private static IResponseBuilder Atom(string body) => Response.Create().WithStatusCode(200)
        .WithHeader("Content-Type", "application/atom+xml;type=entry;charset=utf-8").WithBody(body);

    private static IResponseBuilder Status(int code) => Response.Create().WithStatusCode(code)
        .WithHeader("Content-Type", "application/xml").WithBody(string.Create(CultureInfo.InvariantCulture, $"<Error><Code>{code}</Code><Detail>TrackingId:0e4d</Detail></Error>"));

    private static void Stub(ServiceBusManagementHost host, IResponseBuilder response) =>
        host.Server.Given(Request.Create().WithPath("/updates").WithParam("api-version", "2021-05").UsingGet()).RespondWith(response);

    private static void Sequence(ServiceBusManagementHost host, params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var stub = host.Server.Given(Request.Create().WithPath("/updates").UsingGet()).InScenario("reads");
            stub = i == 0 ? stub : stub.WhenStateIs("step" + i);
            (i + 1 < responses.Length ? stub.WillSetStateTo("step" + (i + 1)) : stub).RespondWith(responses[i]);
        }
    }

    private static void AssertNoSecretLogged(ServiceBusManagementHost host)
    {
        var signature = Sas.Parse(host.Server.LogEntries[0].RequestMessage.Headers!["Authorization"].ToString()).Signature;
        foreach (var record in host.Logs.GetSnapshot())
        {
            Assert.DoesNotContain(ServiceBusManagementHost.Key, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SharedAccessSignature sr=", record.Message, StringComparison.Ordinal);
        }
    }

    private sealed class CountingFallback
    {
        public int Calls { get; private set; }

        public Task<QueueStatus> GetAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Fallback);
        }
    }

    /// <summary>A SAS header taken apart here, apart from the production code, and its signature recomputed.</summary>
    private sealed record Sas(string EncodedResource, string Signature, long Expiry, string KeyName)
    {
        private const string Prefix = "SharedAccessSignature ";

        public static Sas Parse(string header)
        {
            Assert.StartsWith(Prefix, header, StringComparison.Ordinal);
            var fields = header[Prefix.Length..].Split('&')
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            Assert.Equal(["se", "sig", "skn", "sr"], fields.Keys.Order(StringComparer.Ordinal));
            return new Sas(fields["sr"], fields["sig"], long.Parse(fields["se"], CultureInfo.InvariantCulture), WebUtility.UrlDecode(fields["skn"]));
        }

        public string ExpectedSignature(string key)
        {
            var toSign = EncodedResource + "\n" + Expiry.ToString(CultureInfo.InvariantCulture);
            byte[] mac;
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key)))
            {
                mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign));
            }

            return Convert.ToBase64String(mac)
                .Replace("+", "%2B", StringComparison.Ordinal)
                .Replace("/", "%2F", StringComparison.Ordinal)
                .Replace("=", "%3D", StringComparison.Ordinal);
        }
    }
}
