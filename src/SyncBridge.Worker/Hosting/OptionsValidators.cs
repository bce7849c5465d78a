using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.Hosting;

/// <summary>Source-generated data-annotation validators for the options the Worker binds.</summary>
[OptionsValidator]
internal sealed partial class LoggingOptionsValidator : IValidateOptions<LoggingOptions>;
