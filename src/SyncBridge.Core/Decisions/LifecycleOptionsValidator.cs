using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

/// <summary>Rules of <see cref="LifecycleOptions"/>.</summary>
internal sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var statuses = options.EffectiveQualifiedSalesStatuses;
        for (var i = 0; i < statuses.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(statuses[i]))
            {
                return ValidateOptionsResult.Fail($"QualifiedSalesStatuses:{i} is blank.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
