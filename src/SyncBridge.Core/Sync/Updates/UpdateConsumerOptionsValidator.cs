using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>The rule spanning fields of <see cref="UpdateConsumerOptions"/>: the backoff cap is not below its start.</summary>
public sealed class UpdateConsumerOptionsValidator : IValidateOptions<UpdateConsumerOptions>
{
    public ValidateOptionsResult Validate(string? name, UpdateConsumerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxRetryDelay < options.RetryDelay
            ? ValidateOptionsResult.Fail($"{UpdateConsumerOptions.SectionName}:MaxRetryDelay ({options.MaxRetryDelay}) is below {UpdateConsumerOptions.SectionName}:RetryDelay ({options.RetryDelay}).")
            : ValidateOptionsResult.Success;
    }
}
