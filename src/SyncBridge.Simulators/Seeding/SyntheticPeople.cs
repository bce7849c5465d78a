using System.Globalization;

namespace SyncBridge.Simulators.Seeding;

/// <summary>
/// Generates the same fictional people for every simulator from a seed: person i is the same human in the
/// HubSpot and the Salesforce simulator. Deterministic for a given (seed, index), independent of how many
/// people are generated. Values are deliberately messy where real CRMs are (mixed scripts, casing, formats).
/// </summary>
public static class SyntheticPeople
{
    private static readonly string[] JapaneseFamily = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本", "松本", "井上", "木村"];
    private static readonly string[] JapaneseGiven = ["太郎", "花子", "一郎", "美咲", "健太", "陽子", "翔", "さくら", "大輔", "由美", "拓也", "愛"];
    private static readonly string[] JapaneseGivenRomaji = ["taro", "hanako", "ichiro", "misaki", "kenta", "yoko", "sho", "sakura", "daisuke", "yumi", "takuya", "ai"];
    private static readonly string[] JapaneseFamilyRomaji = ["yamada", "sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "nakamura", "kobayashi", "kato", "yoshida", "yamamoto", "matsumoto", "inoue", "kimura"];
    private static readonly string[] EnglishFamily = ["Smith", "Johnson", "Brown", "Taylor", "Miller", "Davis", "Wilson", "Clark", "Lewis", "Walker", "Young", "Allen"];
    private static readonly string[] EnglishGiven = ["James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Emma", "Daniel", "Olivia"];
    private static readonly string[] JapaneseCompanies = ["サンプル", "テスト電機", "みらい商事", "青空システム", "東都ソフト", "さくら物流", "富士データ", "北斗製作所"];
    private static readonly string[] JapaneseCompanyRomaji = ["sample", "test-denki", "mirai-shoji", "aozora-sys", "toto-soft", "sakura-logi", "fuji-data", "hokuto-mfg"];
    private static readonly string[] EnglishCompanies = ["Acme", "Globex", "Initech", "Umbrella", "Stark Tools", "Wayne Data", "Hooli", "Vandelay"];
    private static readonly string[] TitlesJa = ["代表取締役社長", "マーケティング部 部長", "営業部 課長", "開発部 エンジニア", "情報システム部 担当", "経理部 主任", "人事部 マネージャー"];
    private static readonly string[] TitlesEn = ["CEO", "VP of Marketing", "Sales Manager", "Software Engineer", "IT Specialist", "Finance Director", "HR Coordinator"];
    private static readonly string[] Departments = ["Executive", "Marketing", "Sales", "Engineering", "IT", "Finance", "HR"];
    private static readonly string[] Industries = ["Software", "Manufacturing", "Retail", "Finance", "Healthcare", "Logistics"];
    private static readonly string[] Pages = ["/pricing", "/blog/crm-tips", "/blog/sync", "/product", "/demo", "/careers", "/docs/setup"];
    private static readonly string[] ActivityTypes = ["email_open", "email_click", "page_view", "page_view", "form_submission", "event_attended", "demo_request", "pricing_inquiry"];

    /// <summary>The reference instant activities are generated before (fixed, so seeds reproduce).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Person <paramref name="index"/> of the population generated from <paramref name="seed"/>.</summary>
    public static SyntheticPerson Get(int seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // A fixed mix, not HashCode.Combine (randomised per process): the same seed gives the same people in every
        // process, so plan --live and apply in two processes see the same simulated CRMs.
        var random = new Random(Mix(seed, index));
        var japanese = random.Next(100) < 60;
        var companyIndex = random.Next(JapaneseCompanies.Length);
        var titleIndex = random.Next(TitlesJa.Length);
        var local = index.ToString("D6", CultureInfo.InvariantCulture);

        string family, given, email, company, domain, title, country;
        if (japanese)
        {
            var f = random.Next(JapaneseFamily.Length);
            var g = random.Next(JapaneseGiven.Length);
            family = JapaneseFamily[f];
            given = JapaneseGiven[g];
            domain = JapaneseCompanyRomaji[companyIndex] + ".example.jp";
            email = $"{JapaneseGivenRomaji[g]}.{JapaneseFamilyRomaji[f]}{local}@{domain}";
            company = JapaneseCompanies[companyIndex];
            title = TitlesJa[titleIndex];
            country = "JP";
        }
        else
        {
            family = EnglishFamily[random.Next(EnglishFamily.Length)];
            given = EnglishGiven[random.Next(EnglishGiven.Length)];
            domain = EnglishCompanies[companyIndex].ToLowerInvariant().Replace(' ', '-') + ".example.com";
            email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}{local}@{domain}";
            company = EnglishCompanies[companyIndex];
            title = TitlesEn[titleIndex];
            country = random.Next(2) == 0 ? "US" : "GB";
        }

        var phone = country switch
        {
            "JP" => $"03-{5000 + (index % 4000):D4}-{index % 10000:D4}",
            "US" => $"+1 415-555-{index % 10000:D4}",
            _ => $"+44 20 7946 {index % 10000:D4}",
        };
        var mobile = country == "JP" ? $"090-{1000 + (index / 10000 % 9000):D4}-{index % 10000:D4}" : string.Empty;

        var activityCount = random.Next(0, 12);
        var activities = new List<SyntheticActivity>(activityCount);
        for (var i = 0; i < activityCount; i++)
        {
            var type = ActivityTypes[random.Next(ActivityTypes.Length)];
            var when = Epoch.AddMinutes(-random.Next(0, 60 * 24 * 365));
            var detail = type == "page_view" ? Pages[random.Next(Pages.Length)] : type + "-" + random.Next(1, 5).ToString(CultureInfo.InvariantCulture);
            activities.Add(new SyntheticActivity(type, when, detail));
        }

        activities.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));

        return new SyntheticPerson
        {
            Index = index,
            Japanese = japanese,
            FamilyName = family,
            GivenName = given,
            Email = email,
            Phone = phone,
            Mobile = mobile,
            Company = company,
            CompanyDomain = domain,
            Title = title,
            Department = Departments[titleIndex],
            Country = country,
            Industry = Industries[random.Next(Industries.Length)],
            EmployeeCount = (int)Math.Round(Math.Pow(10, 1 + (random.NextDouble() * 3.5))),
            UnsubscribedFromAll = random.Next(100) < 5,
            HardBounced = random.Next(100) < 2,
            Activities = activities,
        };
    }

    /// <summary>Messes up an email the way people and imports do: case, full-width characters, a mailto prefix.</summary>
    public static string MessyEmail(string email, int variant) => (variant % 5) switch
    {
        1 => email.ToUpperInvariant(),
        2 => "mailto:" + email,
        3 => ToFullWidth(email),
        4 => "  " + email + " ",
        _ => email,
    };

    /// <summary>Full-width form of printable ASCII (what a Japanese IME in full-width mode produces).</summary>
    public static string ToFullWidth(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c;
            }
        });
    }

    /// <summary>A deterministic 32-bit mix of seed and index (splitmix64's finalizer).</summary>
    private static int Mix(int seed, int index)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) | (uint)index;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
