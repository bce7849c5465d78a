using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.Updates;

/// <summary>Settings of section <c>SyncBridge:Queue</c>: the transport choice. Each transport has its own sub-section.</summary>
internal sealed class QueueOptions
{
    public const string SectionName = "SyncBridge:Queue";

    /// <summary><c>Embedded</c> (default) or <c>ServiceBus</c>, case-insensitive.</summary>
    public string Transport { get; set; } = nameof(QueueTransport.Embedded);

    /// <summary>The transport named by <see cref="Transport"/>, or null when it names none.</summary>
    public QueueTransport? Parsed => Enum.TryParse<QueueTransport>(Transport, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(Transport, out _) ? value : null;
}

/// <summary>Refuses a transport name SyncBridge does not have, naming the setting.</summary>
internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Parsed is null
            ? ValidateOptionsResult.Fail($"{QueueOptions.SectionName}:Transport: '{options.Transport}' is not a queue transport; use Embedded or ServiceBus.")
            : ValidateOptionsResult.Success;
    }
}
