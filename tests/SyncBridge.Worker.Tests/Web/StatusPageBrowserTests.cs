using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Tests.Web;

/// <summary>
/// The status page in headless Chromium (Debian package <c>chromium</c>, installed by infra/local/test.sh) against a
/// host that ran a sync cycle over the simulators: the rendered DOM has the tables (and the charts once the report
/// renderer is wired), and a screenshot is saved as a test artifact at
/// <c>tests/SyncBridge.Worker.Tests/bin/{Configuration}/net10.0/artifacts/status-page.png</c> (also attached to the test result).
/// </summary>
[Collection(StatusWebGroup.Name)]
public sealed partial class StatusPageBrowserTests(StatusWebFixture fixture)
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task StatusPage_InHeadlessChromium_RendersTheTablesAndAScreenshot()
    {
        var chromium = FindChromium();
        var url = fixture.Server.Address.ToString();

        var dom = await RunChromiumAsync(chromium, "--dump-dom", url);

        foreach (var table in new[] { "sources", "queue", "decisions" })
        {
            Assert.True(Regex.IsMatch(dom, $"<table[^>]*\\bid=\"{table}\""), $"no table '{table}' in the rendered DOM:\n{dom}");
        }

        foreach (var source in await fixture.Connected.Services.GetRequiredService<IReportStore>().ListSourcesAsync(TestContext.Current.CancellationToken))
        {
            Assert.Contains(source.Source, dom, StringComparison.Ordinal);
        }

        foreach (var chart in new[] { "forecast-chart", "funnel-chart", "reasons-chart" })
        {
            Assert.True(Regex.IsMatch(dom, $"<svg[^>]*\\bid=\"{chart}\""), $"no svg '{chart}' in the rendered DOM");
        }

        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        var screenshot = Path.Combine(artifacts, "status-page.png");
        File.Delete(screenshot);
        await RunChromiumAsync(chromium, $"--screenshot={screenshot}", "--window-size=1280,2000", url);

        Assert.True(File.Exists(screenshot), $"chromium wrote no screenshot at {screenshot}");
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        Assert.True(png.Length > 5_000, $"the screenshot is only {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(2000, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        TestContext.Current.AddAttachment("status-page.png", png, "image/png");
    }

    /// <summary><c>chromium</c> on PATH; the test fails (it does not skip) when it is missing.</summary>
    private static string FindChromium()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("chromium is not on PATH: run infra/local/test.sh, which installs the Debian package chromium (apt-get), then run the tests again.");
        return string.Empty;
    }

    /// <summary>Runs headless Chromium with a throwaway profile; returns its standard output (the DOM for --dump-dom).</summary>
    private static async Task<string> RunChromiumAsync(string chromium, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("syncbridge-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile}", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(BrowserTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', arguments)} did not finish within {BrowserTimeout}");
            }

            var output = await stdout;
            var errors = await stderr;
            Assert.True(process.ExitCode == 0, $"chromium {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{errors}");
            return output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
