using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Tests.Hosting;

public sealed class PersonalDataRedactionEnricherTests
{
    [Theory]
    [InlineData("invalid email taro.yamada@example.co.jp for contact 42", "invalid email [email redacted] for contact 42")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ.jp", "[email redacted]")]
    [InlineData("call +81 3-1234-5678 now", "call [phone redacted] now")]
    [InlineData("090-1234-5678", "[phone redacted]")]
    public void Redact_PersonalData_IsMasked(string input, string expected) =>
        Assert.Equal(expected, PersonalDataRedactionEnricher.Redact(input));

    [Theory]
    [InlineData("person p_0123456789abcdef updated")]
    [InlineData("HubSpot contact 12345 on page 3")]
    [InlineData("2026-11-22T00:00:00Z")]
    public void Redact_NoPersonalData_ReturnsNull(string input) =>
        Assert.Null(PersonalDataRedactionEnricher.Redact(input));

    [Fact]
    public void Enrich_StringPropertyWithEmail_IsReplacedBeforeSinksSeeIt()
    {
        var template = new Serilog.Parsing.MessageTemplateParser().Parse("Rejected {Value}");
        var logEvent = new Serilog.Events.LogEvent(
            DateTimeOffset.UnixEpoch, Serilog.Events.LogEventLevel.Warning, null, template,
            [new Serilog.Events.LogEventProperty("Value", new Serilog.Events.ScalarValue("bad address taro@example.jp"))]);
        new PersonalDataRedactionEnricher().Enrich(logEvent, null!);
        Assert.Equal("Rejected \"bad address [email redacted]\"", logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
