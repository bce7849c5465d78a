using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.DropFolder;

/// <summary>A configured drop folder must exist, and its age limit cannot be negative; each failure names its setting.</summary>
internal sealed class DropFolderOptionsValidator : IValidateOptions<DropFolderOptions>
{
    public ValidateOptionsResult Validate(string? name, DropFolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IsConfigured && !Directory.Exists(options.Path))
        {
            failures.Add($"{DropFolderOptions.SectionName}:{nameof(DropFolderOptions.Path)}: the drop folder '{options.Path}' does not exist (create it, or remove the setting to run without a drop folder).");
        }

        if (options.MinFileAge < TimeSpan.Zero)
        {
            failures.Add($"{DropFolderOptions.SectionName}:{nameof(DropFolderOptions.MinFileAge)}: must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
