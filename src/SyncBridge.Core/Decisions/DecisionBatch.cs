namespace SyncBridge.Core.Decisions;

/// <summary>The decisions of one run over a population, after the tier budget, with the billing forecast.</summary>
public sealed record DecisionBatch(DateTimeOffset AsOf, IReadOnlyList<PersonDecision> Decisions, BillingForecast Forecast)
{
    /// <summary>How many people were marketing candidates before the tier budget.</summary>
    public int Candidates { get; init; }
}
