using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Cli;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync(args, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Normalize_BadSettings_StopsWithExitCode2NamingEverySetting()
    {
        var input = Write("in.csv", "email\nx@example.com\n");
        var config = Write("bad.json", """{"SyncBridge":{"Normalization":{"DefaultRegion":"japan"},"Logging":{"Format":"xml"}}}""");

        var (code, _, err) = await RunAsync("normalize", "--input", input, "--output", Path.Combine(_directory, "out.csv"), "--config", config);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Normalization:DefaultRegion", err, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:Logging:Format", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "out.csv")));
    }

    [Fact]
    public async Task Normalize_MissingSettingsFile_FailsNamingTheFile()
    {
        var input = Write("in.csv", "email\nx@example.com\n");
        var (code, _, err) = await RunAsync("normalize", "--input", input, "--output", "-", "--config", Path.Combine(_directory, "nope.json"));
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("nope.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_MissingInputFile_FailsWithExitCode1()
    {
        var (code, _, err) = await RunAsync("normalize", "--input", Path.Combine(_directory, "missing.csv"), "--output", "-");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("missing.csv", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("normalize", output, StringComparison.Ordinal);
        Assert.Contains("run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Normalize_BadStateStoreSetting_IsNamedOnceWithItsFullPath()
    {
        var input = Write("in.csv", "email\nx@example.com\n");
        var config = Write("bad-state.json", """{"SyncBridge":{"State":{"Provider":"Oracle"}}}""");

        var (code, _, err) = await RunAsync("normalize", "--input", input, "--output", "-", "--config", config);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("  SyncBridge:State:Provider: 'Oracle' is not supported", err, StringComparison.Ordinal);
        Assert.DoesNotContain("SyncBridge:State:SyncBridge:State", err, StringComparison.Ordinal);
    }
}
