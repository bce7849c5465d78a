using System.CommandLine;
using System.Globalization;
using System.Text;
using SyncBridge.Simulators.Seeding;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>generate</c>: writes synthetic test data (contacts.csv in the normalize/plan column set, events.csv) from the
/// simulators' fictional people — for load tests, benchmarks and trying settings without a CRM.
/// </summary>
internal static class GenerateCommand
{
    private static readonly string[] ContactColumns =
    [
        "source", "source_id", "email", "first_name", "last_name", "full_name", "phone", "mobile", "company", "website",
        "title", "department", "country", "lifecycle_stage", "email_optout", "hard_bounced", "consent",
        "open_opportunity", "won_deal", "hubspot_marketable",
    ];

    private static readonly string[] Stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", ""];

    public static Command Create(CliContext context)
    {
        var persons = new Option<int>("--persons") { Description = "How many distinct people.", DefaultValueFactory = _ => 1_000 };
        var duplicateShare = new Option<double>("--duplicates") { Description = "Share of people who appear a second time from another source, differently formatted (0–1).", DefaultValueFactory = _ => 0.2 };
        var eventsPerPerson = new Option<int>("--events-per-person") { Description = "Events written per person to events.csv (0 = no events file).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic population.", DefaultValueFactory = _ => 1 };
        var outputDirectory = new Option<DirectoryInfo>("--out") { Description = "Directory for contacts.csv (and events.csv).", Required = true };
        var command = new Command("generate", "Write synthetic contacts.csv (and events.csv) with messy, duplicated, Japanese and English records for load tests and benchmarks.")
        {
            persons, duplicateShare, eventsPerPerson, seed, outputDirectory,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var count = parse.GetValue(persons);
            var share = parse.GetValue(duplicateShare);
            if (count < 0 || share is < 0 or > 1)
            {
                context.Error.WriteLine("error: --persons must be ≥ 0 and --duplicates between 0 and 1");
                return Task.FromResult(ExitCodes.Configuration);
            }

            var directory = parse.GetRequiredValue(outputDirectory);
            directory.Create();
            var rows = WriteContacts(Path.Combine(directory.FullName, "contacts.csv"), count, share, parse.GetValue(seed), cancellationToken);
            var events = 0L;
            var perPerson = parse.GetValue(eventsPerPerson);
            if (perPerson > 0)
            {
                events = WriteEvents(Path.Combine(directory.FullName, "events.csv"), count, perPerson, parse.GetValue(seed), cancellationToken);
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {rows} contact rows ({count} people) and {events} events to {directory.FullName}"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static long WriteContacts(string path, int count, double duplicateShare, int seed, CancellationToken cancellationToken)
    {
        using var stream = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var writer = new CsvWriter(stream);
        writer.WriteRecord(ContactColumns);
        var fields = new string[ContactColumns.Length];
        var threshold = (int)Math.Round(duplicateShare * 1000);
        long rows = 0;
        for (var i = 0; i < count; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var person = SyntheticPeople.Get(seed, i);
            Fill(fields, person, variant: 0);
            writer.WriteRecord(fields);
            rows++;
            if ((long)i * 7919 % 1000 < threshold)
            {
                Fill(fields, person, variant: 1 + (i % 4));
                writer.WriteRecord(fields);
                rows++;
            }
        }

        return rows;
    }

    private static void Fill(string[] f, SyntheticPerson p, int variant)
    {
        var hubspot = variant == 0;
        f[0] = hubspot ? "hubspot" : (variant % 2 == 0 ? "salesforce" : "expo-2026");
        f[1] = hubspot ? (100_000 + p.Index).ToString(CultureInfo.InvariantCulture) : "X" + p.Index.ToString("D8", CultureInfo.InvariantCulture);
        f[2] = hubspot ? p.Email : SyntheticPeople.MessyEmail(p.Email, variant);
        var fullName = p.Japanese ? $"{p.FamilyName}\u3000{p.GivenName}" : $"{p.GivenName} {p.FamilyName}";
        if (hubspot)
        {
            f[3] = p.GivenName;
            f[4] = p.FamilyName;
            f[5] = string.Empty;
        }
        else
        {
            f[3] = string.Empty;
            f[4] = string.Empty;
            f[5] = fullName;
        }

        f[6] = hubspot ? p.Phone : SyntheticPeople.ToFullWidth(p.Phone);
        f[7] = p.Mobile;
        f[8] = p.Japanese ? (hubspot ? "株式会社" + p.Company : p.Company + "(株)") : (hubspot ? p.Company + ", Inc." : p.Company.ToUpperInvariant() + " Corp.");
        f[9] = hubspot ? "https://www." + p.CompanyDomain + "/" : string.Empty;
        f[10] = p.Title;
        f[11] = hubspot ? p.Department : string.Empty;
        f[12] = p.Japanese ? (hubspot ? "日本" : "JP") : (p.Country == "US" ? (hubspot ? "United States" : "USA") : "UK");
        f[13] = Stages[p.Index % Stages.Length];
        f[14] = p.UnsubscribedFromAll ? "true" : "false";
        f[15] = p.HardBounced ? "true" : "false";
        f[16] = p.Index % 3 == 0 ? "granted" : (p.Index % 17 == 0 ? "denied" : "unknown");
        f[17] = p.Index % 23 == 0 ? "true" : "false";
        f[18] = p.Index % 41 == 0 ? "true" : "false";
        f[19] = p.Index % 2 == 0 ? "true" : "false";
    }

    private static long WriteEvents(string path, int count, int perPerson, int seed, CancellationToken cancellationToken)
    {
        using var stream = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var writer = new CsvWriter(stream);
        writer.WriteRecord(["email", "type", "occurred_at", "detail"]);
        var fields = new string[4];
        long written = 0;
        for (var i = 0; i < count; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var person = SyntheticPeople.Get(seed, i);
            for (var k = 0; k < perPerson; k++)
            {
                var activity = person.Activities.Count > 0 ? person.Activities[k % person.Activities.Count] : null;
                fields[0] = person.Email;
                fields[1] = activity?.Type ?? "email_open";
                fields[2] = (activity?.OccurredAt ?? SyntheticPeople.Epoch.AddDays(-k)).AddMinutes(-k).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                fields[3] = activity?.Detail ?? "newsletter-" + k.ToString(CultureInfo.InvariantCulture);
                writer.WriteRecord(fields);
                written++;
            }
        }

        return written;
    }
}
