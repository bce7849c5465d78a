using System.Net;
using Microsoft.Extensions.Logging;
using Refit;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Logging;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Creates SyncBridge's own contact properties (group <c>syncbridge</c>) when they are missing, and reads the
/// portal's lifecycle-stage options (portals can customise them). Safe to run on every start.
/// </summary>
public sealed class HubSpotPropertyBootstrapper
{
    public const string GroupName = "syncbridge";
    public const string MarketingDecision = "syncbridge_marketing_decision";
    public const string MarketingReason = "syncbridge_marketing_reason";
    public const string Score = "syncbridge_score";
    public const string HotLead = "syncbridge_hot_lead";
    public const string Segments = "syncbridge_segments";

    /// <summary>The version marker: the decision version of the last update written to the contact (same request).</summary>
    public const string Version = "syncbridge_version";

    private readonly IHubSpotPropertiesApi _api;
    private readonly HubSpotAccountContext _account;
    private readonly ILogger<HubSpotPropertyBootstrapper> _logger;

    internal HubSpotPropertyBootstrapper(IHubSpotPropertiesApi api, HubSpotAccountContext account, ILogger<HubSpotPropertyBootstrapper> logger)
    {
        _api = api;
        _account = account;
        _logger = logger;
    }

    internal static IReadOnlyList<HubSpotPropertyCreate> Definitions { get; } =
    [
        new(MarketingDecision, "SyncBridge marketing decision", "enumeration", "select", GroupName)
        {
            Description = "SyncBridge's marketing-contact decision; a workflow sets the marketing contact status from it.",
            Options = [new HubSpotPropertyOption("Marketing", "marketing") { DisplayOrder = 0 }, new HubSpotPropertyOption("Non-marketing", "non_marketing") { DisplayOrder = 1 }],
        },
        new(MarketingReason, "SyncBridge marketing reason", "string", "text", GroupName) { Description = "Why SyncBridge decided so (the rule that fired)." },
        new(Score, "SyncBridge score", "number", "number", GroupName) { Description = "Fit + engagement score computed by SyncBridge." },
        new(HotLead, "SyncBridge hot lead", "bool", "booleancheckbox", GroupName)
        {
            Description = "True when SyncBridge flags the contact as a hot lead.",
            Options = [new HubSpotPropertyOption("Yes", "true") { DisplayOrder = 0 }, new HubSpotPropertyOption("No", "false") { DisplayOrder = 1 }],
        },
        new(Segments, "SyncBridge segments", "string", "textarea", GroupName) { Description = "Segments SyncBridge assigned, separated by ';'." },
        new(Version, "SyncBridge version", "number", "number", GroupName) { Description = "Decision version of the last SyncBridge update applied to the contact (for exactly-once writes); do not edit." },
    ];

    /// <summary>Creates the missing properties; returns the names it created.</summary>
    public async Task<IReadOnlyList<string>> EnsurePropertiesAsync(CancellationToken cancellationToken)
    {
        var existing = await HubSpotCall.RunAsync(_api.ListAsync(_account.Paths.Properties, cancellationToken)).ConfigureAwait(false);
        var names = new HashSet<string>((existing.Results ?? []).Select(property => property.Name), StringComparer.Ordinal);
        var missing = Definitions.Where(definition => !names.Contains(definition.Name)).ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        var groupExists = (existing.Results ?? []).Any(property => string.Equals(property.GroupName, GroupName, StringComparison.Ordinal));
        if (!groupExists)
        {
            try
            {
                await HubSpotCall.RunAsync(_api.CreateGroupAsync(_account.Paths.Properties, new HubSpotPropertyGroupCreate(GroupName, "SyncBridge"), cancellationToken)).ConfigureAwait(false);
                Log.PropertyGroupCreated(_logger, _account.Name, GroupName);
            }
            catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
            {
                // The group exists without properties yet.
            }
        }

        var created = new List<string>(missing.Count);
        foreach (var definition in missing)
        {
            try
            {
                await HubSpotCall.RunAsync(_api.CreateAsync(_account.Paths.Properties, definition, cancellationToken)).ConfigureAwait(false);
                Log.PropertyCreated(_logger, _account.Name, definition.Name);
                created.Add(definition.Name);
            }
            catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
            {
                // Created meanwhile by another instance.
            }
        }

        return created;
    }

    /// <summary>The portal's lifecycle-stage option values in display order (e.g. subscriber, lead, …).</summary>
    public async Task<IReadOnlyList<string>> ReadLifecycleStagesAsync(CancellationToken cancellationToken)
    {
        var property = await HubSpotCall.RunAsync(_api.GetAsync(_account.Paths.Properties, HubSpotContactProperties.LifecycleStage, cancellationToken)).ConfigureAwait(false);
        return (property.Options ?? [])
            .Where(option => !option.Hidden)
            .OrderBy(option => option.DisplayOrder ?? int.MaxValue)
            .Select(option => option.Value)
            .ToList();
    }
}
