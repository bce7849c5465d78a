using Microsoft.Extensions.Options;

namespace SyncBridge.Messaging.Amqp;

/// <summary>Rules of <see cref="ServiceBusTransportOptions"/>; reports every failure at once, naming the key, never the secret.</summary>
internal sealed class ServiceBusTransportOptionsValidator : IValidateOptions<ServiceBusTransportOptions>
{
    public const int MaxQueueNameLength = 260;
    public static readonly TimeSpan MaxTokenTtl = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ServiceBusTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = ServiceBusTransportOptions.SectionName;

        if (!IsValidQueueName(options.QueueName))
        {
            failures.Add($"{Section}:{nameof(options.QueueName)}: '{options.QueueName}' is not a valid queue name "
                + $"(1 to {MaxQueueNameLength} letters, digits, '.', '-' or '_', starting with a letter or digit).");
        }

        if (!Enum.IsDefined(options.Dialect))
        {
            failures.Add($"{Section}:{nameof(options.Dialect)}: '{options.Dialect}' is not one of ServiceBus, RabbitMq.");
        }

        if (!Enum.IsDefined(options.Auth))
        {
            failures.Add($"{Section}:{nameof(options.Auth)}: '{options.Auth}' is not one of SaslPlain, CbsSasToken.");
        }
        else if (options.Auth == AmqpAuthMode.CbsSasToken && options.Dialect == AmqpDialect.RabbitMq)
        {
            failures.Add($"{Section}:{nameof(options.Auth)}: CbsSasToken needs a Service Bus broker; RabbitMq has no $cbs node, use SaslPlain.");
        }

        if (options.TokenTtl <= TimeSpan.Zero || options.TokenTtl > MaxTokenTtl)
        {
            failures.Add($"{Section}:{nameof(options.TokenTtl)}: {options.TokenTtl} must be more than zero and at most {MaxTokenTtl}.");
        }

        if (options.TokenRenewMargin <= TimeSpan.Zero || options.TokenRenewMargin >= options.TokenTtl)
        {
            failures.Add($"{Section}:{nameof(options.TokenRenewMargin)}: {options.TokenRenewMargin} must be more than zero and less than TokenTtl ({options.TokenTtl}).");
        }

        ValidateTransport(options, failures);
        ValidateConnectionString(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for 1 to 260 ASCII letters, digits, '.', '-', '_' starting with a letter or digit.</summary>
    public static bool IsValidQueueName(string? queueName)
    {
        if (string.IsNullOrEmpty(queueName) || queueName.Length > MaxQueueNameLength || !char.IsAsciiLetterOrDigit(queueName[0]))
        {
            return false;
        }

        foreach (var c in queueName)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateTransport(ServiceBusTransportOptions options, List<string> failures)
    {
        const string Section = ServiceBusTransportOptions.SectionName;
        if (options.VirtualHost is not null && (options.VirtualHost.Length == 0 || options.Dialect != AmqpDialect.RabbitMq))
        {
            failures.Add($"{Section}:{nameof(options.VirtualHost)}: set it only for Dialect RabbitMq, and not empty.");
        }

        ValidateManagementEndpoint(options, failures);

        if (options.ReceiveWait < TimeSpan.Zero || options.ReceiveWait > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:{nameof(options.ReceiveWait)}: {options.ReceiveWait} must be between 0 and 1 minute.");
        }

        if (options.PrefetchCount < 1 || options.PrefetchCount > 5000)
        {
            failures.Add($"{Section}:{nameof(options.PrefetchCount)}: {options.PrefetchCount} must be between 1 and 5000.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:{nameof(options.OperationTimeout)}: {options.OperationTimeout} must be more than zero and at most 10 minutes.");
        }

        if (options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            failures.Add($"{Section}:{nameof(options.ReconnectBaseDelay)}: {options.ReconnectBaseDelay} must be more than zero and at most ReconnectMaxDelay ({options.ReconnectMaxDelay}).");
        }

        if (options.ReconnectMaxAttempts < 0 || options.ReconnectMaxAttempts > 100)
        {
            failures.Add($"{Section}:{nameof(options.ReconnectMaxAttempts)}: {options.ReconnectMaxAttempts} must be between 0 and 100.");
        }
    }

    private static void ValidateManagementEndpoint(ServiceBusTransportOptions options, List<string> failures)
    {
        const string Key = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.ManagementEndpoint);
        if (options.ManagementEndpoint is null)
        {
            return;
        }

        if (!Uri.TryCreate(options.ManagementEndpoint, UriKind.Absolute, out var management) || management.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Key}: '{options.ManagementEndpoint}' must be an absolute http(s) URL.");
        }
        else if (options.Dialect == AmqpDialect.ServiceBus && management.Scheme == "http" && !management.IsLoopback)
        {
            failures.Add($"{Key}: '{options.ManagementEndpoint}' must use https with Dialect ServiceBus (http only to a loopback host): the depth read sends a SAS token.");
        }
    }

    private static void ValidateConnectionString(ServiceBusTransportOptions options, List<string> failures)
    {
        const string Key = ServiceBusTransportOptions.SectionName + ":" + nameof(ServiceBusTransportOptions.ConnectionString);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Key}: required; set it from the environment (SyncBridge__Queue__ServiceBus__ConnectionString) or user secrets.");
            return;
        }

        if (!ServiceBusConnectionString.TryParse(options.ConnectionString, out var parsed, out var error))
        {
            failures.Add($"{Key}: {error}");
            return;
        }

        var isServiceBusEndpoint = parsed.Endpoint.Scheme.Equals("sb", StringComparison.OrdinalIgnoreCase);
        if (options.Dialect == AmqpDialect.RabbitMq && isServiceBusEndpoint)
        {
            failures.Add($"{Key}: the endpoint is sb:// but Dialect is RabbitMq; use amqp:// or amqps:// for a RabbitMQ broker.");
        }

        if (options.Auth == AmqpAuthMode.CbsSasToken && !parsed.UseTls)
        {
            failures.Add($"{Key}: CbsSasToken sends a bearer token; the endpoint must use TLS (sb:// or amqps://).");
        }

        if (parsed.EntityPath is not null && !string.Equals(parsed.EntityPath, options.QueueName, StringComparison.Ordinal))
        {
            failures.Add($"{Key}: EntityPath '{parsed.EntityPath}' differs from QueueName '{options.QueueName}'; make them equal or drop EntityPath.");
        }
    }
}
