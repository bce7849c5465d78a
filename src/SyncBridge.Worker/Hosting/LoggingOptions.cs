using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Worker.Hosting;

/// <summary>Settings of section <c>SyncBridge:Logging</c>. Levels live in the standard <c>Serilog</c> section.</summary>
internal sealed class LoggingOptions
{
    public const string SectionName = "SyncBridge:Logging";

    /// <summary><c>text</c> for people, <c>json</c> for log shippers (Serilog compact JSON, one event per line).</summary>
    [Required]
    [RegularExpression("^(text|json)$", ErrorMessage = "Format must be 'text' or 'json'.")]
    public string Format { get; set; } = "text";
}
