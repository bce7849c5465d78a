using Microsoft.Extensions.Options;

namespace SyncBridge.Messaging.Embedded;

/// <summary>Rules of <see cref="EmbeddedQueueOptions"/> beyond data annotations; reports every failure, naming the key.</summary>
internal sealed class EmbeddedQueueOptionsValidator : IValidateOptions<EmbeddedQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = EmbeddedQueueOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Section}:{nameof(EmbeddedQueueOptions.Path)}: a queue database file path is required.");
        }
        else if (options.Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0
            || options.Path.EndsWith('/') || options.Path.EndsWith('\\'))
        {
            failures.Add($"{Section}:{nameof(EmbeddedQueueOptions.Path)}: '{options.Path}' is not a valid file path.");
        }

        if (options.MaxDeliveryCount < 1)
        {
            failures.Add($"{Section}:{nameof(EmbeddedQueueOptions.MaxDeliveryCount)}: {options.MaxDeliveryCount} is below 1.");
        }

        if (options.BusyTimeoutSeconds < 1)
        {
            failures.Add($"{Section}:{nameof(EmbeddedQueueOptions.BusyTimeoutSeconds)}: {options.BusyTimeoutSeconds} is below 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
