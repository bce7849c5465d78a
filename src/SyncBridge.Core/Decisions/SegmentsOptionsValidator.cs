using Microsoft.Extensions.Options;

namespace SyncBridge.Core.Decisions;

/// <summary>Rules of <see cref="SegmentsOptions"/>: names well formed, at most 64, every condition compiles.</summary>
internal sealed class SegmentsOptionsValidator : IValidateOptions<SegmentsOptions>
{

    public ValidateOptionsResult Validate(string? name, SegmentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Definitions.Count > SegmentsOptions.MaxSegments)
        {
            errors.Add($"Definitions has {options.Definitions.Count} segments; at most {SegmentsOptions.MaxSegments} are supported.");
        }

        foreach (var (segment, condition) in options.Definitions)
        {
            if (!IsValidName(segment))
            {
                errors.Add($"Definitions:{segment}: a segment name uses letters, digits, '-', '_' and '.'.");
            }

            SegmentCompiler.Compile(condition, $"Definitions:{segment}", errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
}
