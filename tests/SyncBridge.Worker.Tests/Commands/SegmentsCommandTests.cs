using SyncBridge.Worker.Cli;
using static SyncBridge.Worker.Tests.Commands.PlanVerb;

namespace SyncBridge.Worker.Tests.Commands;

public sealed class SegmentsCommandTests
{
    [Fact]
    public async Task Segments_NameCsv_ExportsMembersOnly()
    {
        var (code, output, err) = await RunAsync(Args("segments", "--name", "hot", "--format", "csv"));
        Assert.True(code == ExitCodes.Success, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("person_id,email,lifecycle_stage,score,hot,reengaged,marketing,reasons", lines[0]);
        var member = Assert.Single(lines[1..]);
        Assert.Contains(",hot.demo@acme.co.jp,salesqualifiedlead,", member, StringComparison.Ordinal);
        Assert.EndsWith(",true,false,marketing,hot|recent_conversion|engaged", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segments_NotCondition_ExcludesCustomers()
    {
        var (code, output, _) = await RunAsync(Args("segments", "--name", "jp-not-customers"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("engaged@epsilon.co.jp", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dormant@gamma.co.jp", output, StringComparison.Ordinal);
        Assert.DoesNotContain("de.person@delta.de", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segments_NoName_ListsEverySegmentWithCount()
    {
        var (code, output, _) = await RunAsync(Args("segments", "--format", "csv"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("came-back,1", output, StringComparison.Ordinal);
        Assert.Contains("hot,1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segments_UnknownName_ExitCode2ListingConfiguredNames()
    {
        var (code, _, err) = await RunAsync(Args("segments", "--name", "vip"));
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("'vip'", err, StringComparison.Ordinal);
        Assert.Contains("came-back", err, StringComparison.Ordinal);
    }
}
