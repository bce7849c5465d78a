using System.Globalization;
using System.Runtime;
using System.Text;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Csv;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// Reads contacts.csv and events.csv for <c>plan</c>, <c>explain</c> and <c>segments</c>: every row is normalized
/// and resolved to a person (<see cref="IdentityGraph"/>, with the row's source key as <c>normalize</c> does), the
/// person's rows are merged (<see cref="PersonMerger"/>, the configured merge policy), and events are attached by email.
/// Bad rows and bad values are reported on <c>diagnostics</c> as <c>file:line: message</c> (naming the column and
/// value) and skipped; a bad value in an optional column is read as unknown and the row is still decided.
/// </summary>
internal sealed class PlanInputLoader(ContactNormalizer normalizer, PersonMerger merger, TextWriter diagnostics)
{
    private const int DetailPoolLimit = 200_000;
    private readonly Dictionary<string, string> _detailPool = new(StringComparer.Ordinal);
    private long _badValues;

    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="InvalidDataException">A file has no header row or lacks a required column.</exception>
    public PlanInput Load(string contactsPath, string? eventsPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contactsPath);
        if (!File.Exists(contactsPath))
        {
            throw new FileNotFoundException($"contacts file not found: {contactsPath}", contactsPath);
        }

        if (eventsPath is not null && !File.Exists(eventsPath))
        {
            throw new FileNotFoundException($"events file not found: {eventsPath}", eventsPath);
        }

        var graph = new IdentityGraph();
        var rows = new List<CanonicalContact>();
        long rejected = 0;
        using (var reader = ContactRowReader.Open(contactsPath, diagnostics))
        {
            var columns = new ExtraColumns(reader.Header);
            while (reader.TryRead(out var row))
            {
                if ((rows.Count & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var contact = WithExtras(normalizer.Normalize(row.Raw), row, columns, contactsPath);
                graph.Add(contact, row.SourceKey);
                rows.Add(contact);
            }

            rejected = reader.MalformedRows;
        }

        // Group rows by person, in order of each person's first row: a chain of row indexes per person
        // (first row, next row of the same person) so that a million rows need no million lists.
        var personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var personIds = new List<string>();
        var firstRow = new List<int>();
        var lastRow = new List<int>();
        var nextRow = new int[rows.Count];
        for (var handle = 0; handle < rows.Count; handle++)
        {
            nextRow[handle] = -1;
            var id = graph.PersonIdOf(handle);
            if (!personIndex.TryGetValue(id, out var index))
            {
                index = personIds.Count;
                personIndex[id] = index;
                personIds.Add(id);
                firstRow.Add(handle);
                lastRow.Add(handle);
                continue;
            }

            nextRow[lastRow[index]] = handle;
            lastRow[index] = handle;
        }

        var contactRows = rows.Count;
        var emailIndex = new Dictionary<string, int>(personIds.Count, StringComparer.Ordinal);
        for (var person = 0; person < firstRow.Count; person++)
        {
            for (var handle = firstRow[person]; handle >= 0; handle = nextRow[handle])
            {
                var email = rows[handle].Email;
                if (email.Normalized.Length > 0)
                {
                    emailIndex.TryAdd(email.Normalized, person);
                }

                if (email.MatchKey.Length > 0)
                {
                    emailIndex.TryAdd(email.MatchKey, person);
                }
            }
        }

        // A million rows leave a lot of short-lived garbage behind (raw records, normalizer output); compact before the
        // next phase so the peak working set follows the live data, not the GC's lazy growth.
        ReleaseGarbage();
        var activities = new List<Activity>?[personIds.Count];
        long events = 0, rejectedEvents = 0, unmatched = 0;
        if (eventsPath is not null)
        {
            (events, rejectedEvents, unmatched) = ReadEvents(eventsPath, emailIndex, activities, cancellationToken);
        }

        var subjects = new DecisionSubject[personIds.Count];
        var personRows = new List<CanonicalContact>();
        for (var p = 0; p < subjects.Length; p++)
        {
            personRows.Clear();
            for (var handle = firstRow[p]; handle >= 0; handle = nextRow[handle])
            {
                personRows.Add(rows[handle]);
                rows[handle] = null!;
            }

            var merged = personRows.Count == 1 ? personRows[0] : merger.Merge(personIds[p], personRows).Contact;
            subjects[p] = new DecisionSubject(personIds[p], merged with { Activities = activities[p] is { } list ? list.ToArray() : [] });
            activities[p] = null;
        }

        rows.Clear();
        ReleaseGarbage();

        return new PlanInput
        {
            Subjects = subjects,
            FindByEmail = address => FindPerson(address.Trim(), emailIndex),
            ContactRows = contactRows,
            RejectedContactRows = rejected,
            BadValues = _badValues,
            Events = events,
            RejectedEvents = rejectedEvents,
            UnmatchedEvents = unmatched,
        };
    }

    private static void ReleaseGarbage()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private (long Events, long Rejected, long Unmatched) ReadEvents(string path, Dictionary<string, int> emailIndex, List<Activity>?[] activities, CancellationToken cancellationToken)
    {
        using var csv = new CsvReader(new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), new UTF8Encoding(false), true, 1 << 16));
        CsvHeader? header = null;
        while (header is null && csv.TryRead(out var first))
        {
            if (!first.IsMalformed)
            {
                header = new CsvHeader(first.Fields);
            }
        }

        if (header is null)
        {
            throw new InvalidDataException($"{path}: no header row");
        }

        int email = header.IndexOf("email"), type = header.IndexOf("type"), occurredAt = header.IndexOf("occurred_at"), detail = header.IndexOf("detail");
        foreach (var (name, index) in new[] { ("email", email), ("type", type), ("occurred_at", occurredAt) })
        {
            if (index < 0)
            {
                throw new InvalidDataException($"{path}:1: missing column '{name}' (expected email,type,occurred_at,detail)");
            }
        }

        long read = 0, rejected = 0, unmatched = 0;
        long firstUnmatchedLine = 0;
        while (csv.TryRead(out var record))
        {
            if ((read & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!record.IsMalformed && record.Fields.Count != header.Count)
            {
                record = CsvReader.Reject(record, $"expected {header.Count} fields, found {record.Fields.Count}");
            }

            if (record.IsMalformed)
            {
                rejected++;
                diagnostics.WriteLine($"{path}:{record.Line}: {record.Error}");
                continue;
            }

            var f = record.Fields;
            var typeText = CsvHeader.Get(f, type);
            if (!ActivityTypeNames.TryParse(typeText, out var activityType))
            {
                rejected++;
                diagnostics.WriteLine($"{path}:{record.Line}: type: unknown event type '{typeText}' (expected email_open, email_click, page_view, form_submission, event_attended, demo_request or pricing_inquiry)");
                continue;
            }

            var when = CsvHeader.Get(f, occurredAt);
            if (!DateTimeOffset.TryParse(when.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var occurred))
            {
                rejected++;
                diagnostics.WriteLine($"{path}:{record.Line}: occurred_at: '{when}' is not a date and time (use ISO 8601, e.g. 2026-11-20T09:30:00Z)");
                continue;
            }

            var address = CsvHeader.Get(f, email).Trim();
            if (address.Length == 0)
            {
                rejected++;
                diagnostics.WriteLine($"{path}:{record.Line}: email: empty; an event needs the person's email");
                continue;
            }

            var person = FindPerson(address, emailIndex);
            if (person < 0)
            {
                unmatched++;
                if (firstUnmatchedLine == 0)
                {
                    firstUnmatchedLine = record.Line;
                }

                continue;
            }

            (activities[person] ??= []).Add(new Activity(activityType, occurred, Pool(CsvHeader.Get(f, detail))));
            read++;
        }

        if (unmatched > 0)
        {
            diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}:{firstUnmatchedLine}: {unmatched} event(s) name an email that no contact has (first here); they were ignored"));
        }

        return (read, rejected, unmatched);
    }

    private int FindPerson(string address, Dictionary<string, int> emailIndex)
    {
        if (emailIndex.TryGetValue(address.ToLowerInvariant(), out var person))
        {
            return person;
        }

        var email = normalizer.Normalize(new RawContactRecord { Email = address }).Email;
        return email.MatchKey.Length > 0 && emailIndex.TryGetValue(email.MatchKey, out person) ? person
            : email.Normalized.Length > 0 && emailIndex.TryGetValue(email.Normalized, out person) ? person
            : -1;
    }

    private string Pool(string detail)
    {
        if (detail.Length == 0)
        {
            return string.Empty;
        }

        if (_detailPool.TryGetValue(detail, out var pooled))
        {
            return pooled;
        }

        if (_detailPool.Count < DetailPoolLimit)
        {
            _detailPool[detail] = detail;
        }

        return detail;
    }

    private CanonicalContact WithExtras(CanonicalContact contact, ContactRow row, ExtraColumns columns, string path)
    {
        var f = row.Fields;
        LifecycleStage? stage = contact.LifecycleStage;
        var stageText = CsvHeader.Get(f, columns.Stage).Trim();
        if (stageText.Length > 0)
        {
            if (LifecycleStageNames.TryParse(stageText, out var parsed))
            {
                stage = parsed;
            }
            else
            {
                Bad(path, row.Line, PlanContactColumns.LifecycleStage, stageText, "is not a lifecycle stage (subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer, evangelist, other); read as unknown");
            }
        }

        var optOut = Bool(f, columns.OptOut, PlanContactColumns.EmailOptOut, path, row.Line);
        var bounced = Bool(f, columns.HardBounced, PlanContactColumns.HardBounced, path, row.Line);
        var open = Bool(f, columns.OpenOpportunity, PlanContactColumns.OpenOpportunity, path, row.Line);
        var won = Bool(f, columns.WonDeal, PlanContactColumns.WonDeal, path, row.Line);
        var marketable = Bool(f, columns.Marketable, PlanContactColumns.HubSpotMarketable, path, row.Line);
        var consentText = CsvHeader.Get(f, columns.Consent);
        if (!PlanContactColumns.TryParseConsent(consentText, out var consent))
        {
            Bad(path, row.Line, PlanContactColumns.Consent, consentText, "is not granted, denied or unknown; read as unknown");
        }

        IReadOnlyList<Deal> deals = contact.Deals;
        if (open == true || won == true)
        {
            var key = row.SourceKey.Length > 0 ? row.SourceKey : row.Line.ToString(CultureInfo.InvariantCulture);
            var list = new List<Deal>(contact.Deals);
            if (open == true)
            {
                list.Add(new Deal(key + ":open", "open", DealOutcome.Open));
            }

            if (won == true)
            {
                list.Add(new Deal(key + ":won", "closedwon", DealOutcome.Won));
            }

            deals = list;
        }

        // Keep only what decisions read: a million rows must fit in memory (names, phones, provenance are dropped).
        var company = contact.Company.Industry.Length == 0 && contact.Company.EmployeeCount is null
            ? Company.Empty
            : new Company { Industry = contact.Company.Industry, EmployeeCount = contact.Company.EmployeeCount };
        var industry = CsvHeader.Get(f, columns.Industry).Trim();
        if (industry.Length > 0)
        {
            company = company with { Industry = industry };
        }

        var employeesText = CsvHeader.Get(f, columns.EmployeeCount).Trim();
        if (employeesText.Length > 0)
        {
            if (int.TryParse(employeesText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var employees) && employees >= 0)
            {
                company = company with { EmployeeCount = employees };
            }
            else
            {
                Bad(path, row.Line, PlanContactColumns.EmployeeCount, employeesText, "is not a whole number; read as unknown");
            }
        }

        var salesStatus = CsvHeader.Get(f, columns.SalesStatus).Trim();
        var c = contact.Consent;
        var mergedConsent = (optOut is null || optOut == c.UnsubscribedFromAll) && (bounced is null || bounced == c.HardBounced)
            && (consent == ConsentState.Unknown || consent == c.State)
            ? c
            : c with
            {
                UnsubscribedFromAll = optOut ?? c.UnsubscribedFromAll,
                HardBounced = bounced ?? c.HardBounced,
                State = consent != ConsentState.Unknown ? consent : c.State,
            };
        var email = contact.Email;
        return new CanonicalContact
        {
            Source = contact.Source,
            Email = email.IsEmpty ? EmailAddress.Empty : new EmailAddress(
                email.Original == email.Normalized ? email.Normalized : email.Original,
                email.Normalized,
                email.IsValid,
                email.MatchKey == email.Normalized ? email.Normalized : email.MatchKey),
            Title = contact.Title,
            Seniority = contact.Seniority,
            Department = contact.Department,
            CountryCode = contact.CountryCode,
            Company = company,
            Activities = contact.Activities,
            Deals = deals,
            Consent = mergedConsent,
            LifecycleStage = stage,
            SalesStatus = salesStatus.Length > 0 ? salesStatus : contact.SalesStatus,
            HubSpotMarketable = marketable ?? contact.HubSpotMarketable,
        };
    }

    private bool? Bool(IReadOnlyList<string> fields, int index, string column, string path, long line)
    {
        var text = CsvHeader.Get(fields, index);
        if (PlanContactColumns.TryParseBool(text, out var value))
        {
            return value;
        }

        Bad(path, line, column, text, "is not true or false; read as unknown");
        return null;
    }

    private void Bad(string path, long line, string column, string value, string problem)
    {
        _badValues++;
        diagnostics.WriteLine($"{path}:{line}: {column}: '{value}' {problem}");
    }

    private sealed class ExtraColumns(CsvHeader header)
    {
        public int Stage { get; } = header.IndexOf(PlanContactColumns.LifecycleStage);
        public int OptOut { get; } = header.IndexOf(PlanContactColumns.EmailOptOut);
        public int HardBounced { get; } = header.IndexOf(PlanContactColumns.HardBounced);
        public int Consent { get; } = header.IndexOf(PlanContactColumns.Consent);
        public int OpenOpportunity { get; } = header.IndexOf(PlanContactColumns.OpenOpportunity);
        public int WonDeal { get; } = header.IndexOf(PlanContactColumns.WonDeal);
        public int Marketable { get; } = header.IndexOf(PlanContactColumns.HubSpotMarketable);
        public int SalesStatus { get; } = header.IndexOf(PlanContactColumns.SalesStatus);
        public int Industry { get; } = header.IndexOf(PlanContactColumns.Industry);
        public int EmployeeCount { get; } = header.IndexOf(PlanContactColumns.EmployeeCount);
    }
}
