using BenchmarkDotNet.Attributes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Decisions per second on in-memory persons with 20 events each (issue 5). One operation = one person;
/// divide 1 / mean to get decisions per second per core (the benchmark runs on one thread).
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private const int People = 10_000;
    private static readonly DateTimeOffset AsOf = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private DecisionEngine _engine = null!;
    private DecisionSubject[] _subjects = [];

    [GlobalSetup]
    public void Setup()
    {
        var settings = new DecisionSettings();
        settings.Marketing.CompetitorDomains = ["rival.co.jp"];
        settings.Marketing.InternalDomains = ["syncbridge.example"];
        settings.Segments.Definitions["it-leaders"] = new SegmentCondition { Department = ["it"], Seniority = ["executive", "director"] };
        settings.Segments.Definitions["pricing-lookers"] = new SegmentCondition
        {
            ViewedUrl = new SegmentUrlCondition { Pattern = "/pricing*", MinCount = 2, WithinDays = 30 },
            Not = new SegmentCondition { LifecycleStage = ["customer"] },
        };
        _engine = new DecisionEngine(settings);

        var random = new Random(42);
        string[] urls = ["https://example.co.jp/pricing", "https://example.co.jp/blog/dx", "https://example.co.jp/product/a", "https://example.co.jp/careers", "https://example.co.jp/"];
        ActivityType[] types = [ActivityType.EmailOpen, ActivityType.EmailClick, ActivityType.PageView, ActivityType.PageView, ActivityType.PageView, ActivityType.FormSubmission, ActivityType.EventAttended, ActivityType.DemoRequest];
        _subjects = new DecisionSubject[People];
        for (var i = 0; i < People; i++)
        {
            var activities = new Activity[20];
            for (var a = 0; a < activities.Length; a++)
            {
                var type = types[random.Next(types.Length)];
                activities[a] = new Activity(type, AsOf.AddHours(-random.Next(0, 24 * 365)), type == ActivityType.PageView ? urls[random.Next(urls.Length)] : string.Empty);
            }

            var email = $"person{i}@company{i % 500}.co.jp";
            _subjects[i] = new DecisionSubject($"p{i:D7}", new CanonicalContact
            {
                Email = new EmailAddress(email, email, true, email),
                CountryCode = i % 10 == 0 ? "DE" : "JP",
                Seniority = (Seniority)(i % 5),
                Department = (Department)(i % 10),
                Company = new Company { Industry = "Manufacturing", EmployeeCount = random.Next(1, 5000) },
                Activities = activities,
                LifecycleStage = (LifecycleStage)(1 + (i % 7)),
                SalesStatus = i % 13 == 0 ? "Qualified" : string.Empty,
                HubSpotMarketable = i % 2 == 0,
            });
        }
    }

    /// <summary>One person decided (score, hot, re-engaged, lifecycle, two segments, marketing policy), no trace.</summary>
    [Benchmark(OperationsPerInvoke = People)]
    public MarketingStatus Decide()
    {
        var status = MarketingStatus.NonMarketing;
        foreach (var subject in _subjects)
        {
            status ^= _engine.Decide(subject, AsOf).Marketing;
        }

        return status;
    }

    /// <summary>The same with the trace recorded (the explain path).</summary>
    [Benchmark(OperationsPerInvoke = People)]
    public int DecideWithTrace()
    {
        var entries = 0;
        foreach (var subject in _subjects)
        {
            entries += _engine.Decide(subject, AsOf, withTrace: true).Trace!.Entries.Count;
        }

        return entries;
    }

    /// <summary>A whole population: every person, the tier budget and the billing forecast.</summary>
    [Benchmark(OperationsPerInvoke = People)]
    public int DecideAll() => _engine.DecideAll(_subjects, AsOf).Forecast.MarketingAfterUpdate;
}
