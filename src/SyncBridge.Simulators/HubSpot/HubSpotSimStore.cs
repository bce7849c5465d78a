using System.Globalization;
using SyncBridge.Simulators.Seeding;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>
/// The simulator's state: contacts in id order (with an email index), property definitions, form submissions,
/// recorded writes. One lock guards all of it.
/// </summary>
internal sealed class HubSpotSimStore
{
    private readonly List<HubSpotSimContact> _contacts = [];
    private readonly Dictionary<long, HubSpotSimContact> _byId = [];
    private readonly Dictionary<string, HubSpotSimContact> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HubSpotSimProperty> _properties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal) { "contactinformation", "emailinformation" };
    private readonly List<HubSpotSimulatorWrite> _writes = [];
    private long _nextId = 1001;

    public HubSpotSimStore(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        WriteLog = new SimulatorWriteLog(timeProvider);
        foreach (var property in StandardProperties())
        {
            _properties[property.Name] = property;
        }
    }

    public Lock Gate { get; } = new();

    public TimeProvider TimeProvider { get; }

    /// <summary>Every write applied, per contact (appended under <see cref="Gate"/>, so in the order applied).</summary>
    public SimulatorWriteLog WriteLog { get; }

    /// <summary>Contacts in id order, archived included. Read under <see cref="Gate"/>.</summary>
    public List<HubSpotSimContact> Contacts => _contacts;

    public Dictionary<string, HubSpotSimProperty> Properties => _properties;

    public HashSet<string> Groups => _groups;

    public List<HubSpotSimFormSubmission> Submissions { get; } = [];

    private long _conversions;

    /// <summary>A new submission id (deterministic: seeding the same population gives the same ids).</summary>
    public string NextConversionId() => "sim-conversion-" + (++_conversions).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores a submission, keeping <see cref="Submissions"/> newest first (as HubSpot serves them).</summary>
    public void AddSubmission(HubSpotSimFormSubmission submission)
    {
        var index = Submissions.FindIndex(existing => existing.SubmittedAtMs < submission.SubmittedAtMs);
        Submissions.Insert(index < 0 ? Submissions.Count : index, submission);
    }

    public long NowMs()
    {
        var now = TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return now;
    }

    public HubSpotSimContact? Find(long id) => _byId.GetValueOrDefault(id);

    public HubSpotSimContact? FindByEmail(string email)
    {
        var found = _byEmail.GetValueOrDefault(email.Trim());
        return found is { Archived: false } ? found : null;
    }

    /// <summary>Adds a contact; caller holds the lock.</summary>
    public HubSpotSimContact Add(IReadOnlyDictionary<string, string> properties, long createdMs, long modifiedMs)
    {
        var contact = new HubSpotSimContact(_nextId++, createdMs) { ModifiedMs = modifiedMs };
        foreach (var (name, value) in properties)
        {
            contact.Properties[name] = value;
        }

        _contacts.Add(contact);
        _byId[contact.Id] = contact;
        if (contact.Properties.TryGetValue("email", out var email) && email.Trim().Length > 0)
        {
            _byEmail.TryAdd(email.Trim(), contact);
        }

        return contact;
    }

    /// <summary>Index of the first contact whose id is greater than <paramref name="afterId"/>.</summary>
    public int IndexAfter(long afterId)
    {
        int low = 0, high = _contacts.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_contacts[mid].Id <= afterId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Applies property values to a contact; returns an error message, or null when applied.</summary>
    public string? Apply(HubSpotSimContact contact, IReadOnlyDictionary<string, string> values, string endpoint)
    {
        foreach (var (name, value) in values)
        {
            if (!_properties.TryGetValue(name, out var definition))
            {
                return $"Property \"{name}\" does not exist";
            }

            if (definition.ReadOnlyValue)
            {
                return $"\"{name}\" is a read only property; its value cannot be set.";
            }

            if (string.Equals(name, "lifecyclestage", StringComparison.Ordinal) && value.Length > 0)
            {
                var current = contact.Properties.GetValueOrDefault(name);
                if (HubSpotSimLifecycle.Rank(value) < 0 && !string.Equals(value, "other", StringComparison.Ordinal))
                {
                    return $"{value} was not one of the allowed options for lifecyclestage";
                }

                var currentRank = HubSpotSimLifecycle.Rank(current);
                var newRank = HubSpotSimLifecycle.Rank(value);
                if (currentRank >= 0 && newRank >= 0 && newRank < currentRank)
                {
                    return $"lifecyclestage cannot move backward from {current} to {value}; clear it first.";
                }
            }
        }

        var changed = false;
        foreach (var (name, value) in values)
        {
            if (!contact.Properties.TryGetValue(name, out var old) || !string.Equals(old, value, StringComparison.Ordinal))
            {
                changed = true;
                if (value.Length == 0)
                {
                    contact.Properties.Remove(name);
                }
                else
                {
                    contact.Properties[name] = value;
                }

                if (string.Equals(name, "email", StringComparison.Ordinal) && value.Length > 0)
                {
                    _byEmail[value.Trim()] = contact;
                }
            }
        }

        if (changed)
        {
            contact.ModifiedMs = Math.Max(NowMs(), contact.ModifiedMs);
        }

        _writes.Add(new HubSpotSimulatorWrite(contact.Id, new Dictionary<string, string>(values, StringComparer.Ordinal), endpoint));
        LogWrite(contact, values, endpoint);
        return null;
    }

    /// <summary>Appends a write of <paramref name="contact"/> to <see cref="WriteLog"/>; caller holds the lock.</summary>
    public void LogWrite(HubSpotSimContact contact, IReadOnlyDictionary<string, string> values, string endpoint)
    {
        var logged = new Dictionary<string, string?>(values.Count, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            logged[name] = value;
        }

        WriteLog.Append(contact.Id.ToString(CultureInfo.InvariantCulture), endpoint, logged);
    }

    public IReadOnlyList<HubSpotSimulatorWrite> Writes() => [.. _writes];

    public void ClearWrites() => _writes.Clear();

    public void Seed(HubSpotSimulatorOptions options)
    {
        var startMs = options.SeedStart.ToUnixTimeMilliseconds();
        var stepMs = (long)options.SeedStep.TotalMilliseconds;
        var perTimestamp = Math.Max(1, options.ContactsPerTimestamp);
        var ordinal = 0;
        for (var i = 0; i < options.Contacts; i++)
        {
            var person = SyntheticPeople.Get(options.Seed, i);
            AddSeeded(person, person.Email, ordinal++);
            if (options.DuplicateEvery > 0 && i % options.DuplicateEvery == options.DuplicateEvery - 1)
            {
                AddSeeded(person, SyntheticPeople.MessyEmail(person.Email, i / options.DuplicateEvery), ordinal++);
            }
        }

        void AddSeeded(SyntheticPerson person, string email, int index)
        {
            var modified = startMs + (index / perTimestamp * stepMs);
            var contact = Add(HubSpotSimSeeder.PropertiesOf(person, email, index), modified - 86_400_000L, modified);
            if (options.ArchivedEvery > 0 && index % options.ArchivedEvery == options.ArchivedEvery - 1)
            {
                contact.Archived = true;
                contact.ArchivedMs = modified;
            }

            foreach (var activity in person.Activities)
            {
                if (string.Equals(activity.Type, "form_submission", StringComparison.Ordinal))
                {
                    Submissions.Add(new HubSpotSimFormSubmission(NextConversionId(), activity.OccurredAt.ToUnixTimeMilliseconds(), "https://www.example.com/contact", email, person.GivenName, person.FamilyName, person.Company));
                }
            }
        }

        Submissions.Sort((a, b) => b.SubmittedAtMs.CompareTo(a.SubmittedAtMs));
    }

    private static IEnumerable<HubSpotSimProperty> StandardProperties()
    {
        string[] text = ["firstname", "lastname", "email", "phone", "mobilephone", "company", "website", "jobtitle", "department", "country", "industry", "hs_legal_basis", "hs_email_hard_bounce_reason_enum"];
        foreach (var name in text)
        {
            yield return new HubSpotSimProperty(name, name, "string", "text", "contactinformation");
        }

        yield return new HubSpotSimProperty("numemployees", "Number of employees", "number", "number", "contactinformation");
        yield return new HubSpotSimProperty("hs_analytics_num_page_views", "Number of page views", "number", "number", "analyticsinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_email_last_open_date", "Last marketing email open date", "datetime", "date", "emailinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("recent_conversion_date", "Recent conversion date", "datetime", "date", "conversioninformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("recent_conversion_event_name", "Recent conversion", "string", "text", "conversioninformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_email_last_click_date", "Last marketing email click date", "datetime", "date", "emailinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_analytics_last_visit_timestamp", "Time of last session", "datetime", "date", "analyticsinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_email_optout", "Unsubscribed from all email", "bool", "booleancheckbox", "emailinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_email_bad_address", "Invalid email address", "bool", "booleancheckbox", "emailinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_email_quarantined", "Email address quarantined", "bool", "booleancheckbox", "emailinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_marketable_status", "Marketing contact status", "enumeration", "select", "contactinformation") { ReadOnlyValue = true, Options = [("Marketing contact", "true"), ("Non-marketing contact", "false")] };
        yield return new HubSpotSimProperty("hs_marketable_reason_id", "Marketing contact status source name", "string", "text", "contactinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_marketable_reason_type", "Marketing contact status source type", "enumeration", "select", "contactinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("hs_marketable_until_renewal", "Marketing contact until next update", "enumeration", "select", "contactinformation") { ReadOnlyValue = true, Options = [("True", "true"), ("False", "false")] };
        yield return new HubSpotSimProperty("hs_object_id", "Record ID", "number", "number", "contactinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("createdate", "Create date", "datetime", "date", "contactinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("lastmodifieddate", "Last modified date", "datetime", "date", "contactinformation") { ReadOnlyValue = true };
        yield return new HubSpotSimProperty("lifecyclestage", "Lifecycle stage", "enumeration", "radio", "contactinformation")
        {
            Options = HubSpotSimLifecycle.Stages.Select(stage => (CultureInfo.InvariantCulture.TextInfo.ToTitleCase(stage), stage)).ToList(),
        };
    }
}
