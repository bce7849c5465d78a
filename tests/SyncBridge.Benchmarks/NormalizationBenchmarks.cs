using System.Globalization;
using BenchmarkDotNet.Attributes;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Per-record cost of normalization over a fixed set of 1,000 generated messy records (Japanese and English,
/// full-width and half-width, display-name emails, extensions, legal forms, invalid values). Results read per
/// record thanks to <see cref="BenchmarkAttribute.OperationsPerInvoke"/>. Min and Median are shown besides the
/// Mean: on a shared machine the Mean mostly measures the neighbours.
/// Run: <c>cd tests/SyncBridge.Benchmarks &amp;&amp; dotnet run -c Release -- --filter '*Normalization*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class NormalizationBenchmarks
{
    private const int RecordCount = 1_000;

    private readonly ContactNormalizer _normalizer = new(new NormalizationOptions());
    private RawContactRecord[] _records = [];

    [GlobalSetup]
    public void Setup() => _records = NormalizationRecordGenerator.Generate(RecordCount, seed: 20261122);

    /// <summary>Email, names, company key and domain, country, title, seniority and department (no phone parsing).</summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public int WithoutPhone()
    {
        var checksum = 0;
        foreach (var record in _records)
        {
            var contact = _normalizer.NormalizeWithoutPhones(record);
            checksum += contact.Email.MatchKey.Length + contact.Company.Key.Length + (int)contact.Seniority;
        }

        return checksum;
    }

    /// <summary>The whole <see cref="ContactNormalizer.Normalize"/>, phone and mobile parsed with libphonenumber.</summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public int FullWithPhone()
    {
        var checksum = 0;
        foreach (var record in _records)
        {
            var contact = _normalizer.Normalize(record);
            checksum += contact.Email.MatchKey.Length + contact.Phone.E164.Length + contact.Mobile.E164.Length;
        }

        return checksum;
    }
}

/// <summary>Deterministic generator of realistic, messy contact rows (seeded; the same seed gives the same rows).</summary>
internal static class NormalizationRecordGenerator
{
    private static readonly string[] JapaneseFamily = ["山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村", "小林", "加藤", "佐々木", "髙橋"];
    private static readonly string[] JapaneseGiven = ["太郎", "花子", "一郎", "健", "美咲", "翔太", "陽菜", "大輔", "さくら", "ゆい"];
    private static readonly string[] KanaFamily = ["ﾔﾏﾀﾞ", "ｻﾄｳ", "スズキ", "タカハシ"];
    private static readonly string[] KanaGiven = ["ﾀﾛｳ", "ﾊﾅｺ", "イチロウ", "ケン"];
    private static readonly string[] EnglishFirst = ["John", "Jane", "Mary Jane", "Robert", "Emily", "Michael", "Sarah", "David", "Anna-Lena", "Liam"];
    private static readonly string[] EnglishLast = ["Smith", "Johnson", "Williams", "Brown", "O'Brien", "Garcia", "Miller", "Davis", "van der Berg", "Müller"];
    private static readonly string[] Romaji = ["taro", "hanako", "ichiro", "ken", "misaki", "shota", "hina", "daisuke", "sakura", "yui"];
    private static readonly string[] RomajiFamily = ["yamada", "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "nakamura"];
    private static readonly string[] JapaneseCompanies = ["サンプル", "テクノロジー", "ミライ商事", "ABCシステムズ", "グローバル物産", "ｻﾝﾌﾟﾙ", "日本データ"];
    private static readonly string[] JapaneseForms = ["株式会社{0}", "{0}株式会社", "(株){0}", "㈱{0}", "{0}（株）", "有限会社{0}", "合同会社{0}", "{0}"];
    private static readonly string[] EnglishCompanies = ["Acme", "Blue Sky", "Globex", "Initech", "Umbrella", "Corpus Analytics", "Stark Industries", "Wayne Enterprises"];
    private static readonly string[] EnglishForms = ["{0}, Inc.", "{0} Corp.", "{0} Corporation", "{0} Co., Ltd.", "{0} LLC", "{0} GmbH", "{0} K.K.", "{0}", "{0} Ltd"];
    private static readonly string[] FreeMail = ["gmail.com", "yahoo.co.jp", "outlook.com", "docomo.ne.jp", "icloud.com", "googlemail.com"];
    private static readonly string[] JapaneseTitles = ["代表取締役社長", "営業部 部長", "マーケティング部 課長", "情報システム部 主任", "開発部 エンジニア", "人事部 担当", "経理部 係長", "執行役員", "ﾏﾈｰｼﾞｬｰ", "総務部", "スタッフ", ""];
    private static readonly string[] EnglishTitles = ["CEO", "VP, Marketing", "Head of Sales", "Senior Software Engineer", "IT Manager", "Marketing Specialist", "Director of Finance", "Account Executive", "Recruiter", "Operations Coordinator", "Intern", "Co-Founder & CTO", ""];
    private static readonly string[] JapaneseDepartments = ["営業部", "マーケティング部", "情報システム部", "開発部", "人事部", "経理部", "法務部", "ﾏｰｹﾃｨﾝｸﾞ部", "", "", ""];
    private static readonly string[] EnglishDepartments = ["Sales", "Marketing", "Engineering", "IT", "Human Resources", "Finance", "Legal", "Operations", "", "", ""];
    private static readonly string[] JapaneseCountries = ["日本", "Japan", "JP", "ｊａｐａｎ", "JPN", "日本国", ""];
    private static readonly string[] EnglishCountries = ["USA", "United States", "US", "UK", "United Kingdom", "Germany", "Deutschland", "Singapore", "アメリカ", "イギリス", "Atlantis", ""];

    public static RawContactRecord[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var records = new RawContactRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = random.Next(100) < 60 ? Japanese(random, i) : English(random, i);
        }

        return records;
    }

    private static RawContactRecord Japanese(Random random, int index)
    {
        var family = Pick(random, JapaneseFamily);
        var given = Pick(random, JapaneseGiven);
        var local = $"{Pick(random, Romaji)}.{Pick(random, RomajiFamily)}";
        var company = string.Format(CultureInfo.InvariantCulture, Pick(random, JapaneseForms), Pick(random, JapaneseCompanies));
        var domain = random.Next(100) < 30 ? Pick(random, FreeMail) : $"{Pick(random, RomajiFamily)}-corp.co.jp";
        var email = random.Next(10) switch
        {
            0 => $"\"{family} {given}\" <{local}@{domain}>",
            1 => ToFullWidth($"{local}@{domain}"),
            2 => $"mailto:{local}+news@{domain}?subject=seminar",
            3 => $"  {local.ToUpperInvariant()}@{domain}  ",
            4 => $"{local}@{domain.Replace('.', '。')}",
            5 => "未記入",
            _ => $"{local}@{domain}",
        };
        var nameStyle = random.Next(4);
        return new RawContactRecord
        {
            System = random.Next(2) == 0 ? SourceSystem.HubSpot : SourceSystem.Salesforce,
            ObjectType = "contact",
            SourceId = index.ToString(CultureInfo.InvariantCulture),
            Email = email,
            FirstName = nameStyle == 0 ? given : string.Empty,
            LastName = nameStyle == 0 ? family : string.Empty,
            FullName = nameStyle switch
            {
                1 => $"{family}\u3000{given}",
                2 => $"{Pick(random, KanaFamily)} {Pick(random, KanaGiven)}",
                3 => $" {family}  {given} ",
                _ => string.Empty,
            },
            Phone = random.Next(10) switch
            {
                0 => $"０３－{random.Next(1000, 9999)}－{random.Next(1000, 9999)}",
                1 => $"03-{random.Next(1000, 9999)}-{random.Next(1000, 9999)} 内線{random.Next(100, 999)}",
                2 => $"06({random.Next(1000, 9999)}){random.Next(1000, 9999)}",
                3 => $"+81 3 {random.Next(1000, 9999)} {random.Next(1000, 9999)}",
                4 => "03-1234",
                5 => string.Empty,
                _ => $"03-{random.Next(1000, 9999)}-{random.Next(1000, 9999)}",
            },
            Mobile = random.Next(3) == 0 ? $"090-{random.Next(1000, 9999)}-{random.Next(1000, 9999)}" : string.Empty,
            Company = company,
            Website = random.Next(3) == 0 ? $"https://www.{Pick(random, RomajiFamily)}.co.jp/" : string.Empty,
            Title = Pick(random, JapaneseTitles),
            Department = Pick(random, JapaneseDepartments),
            Country = Pick(random, JapaneseCountries),
        };
    }

    private static RawContactRecord English(Random random, int index)
    {
        var first = Pick(random, EnglishFirst);
        var last = Pick(random, EnglishLast);
        var companyName = Pick(random, EnglishCompanies);
        var company = string.Format(CultureInfo.InvariantCulture, Pick(random, EnglishForms), companyName);
        var host = companyName.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + ".com";
        var local = $"{first.Split(' ')[0].ToLowerInvariant()}.{last.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}";
        var domain = random.Next(100) < 30 ? Pick(random, FreeMail) : host;
        var email = random.Next(8) switch
        {
            0 => $"{first} {last} <{local}@{domain}>",
            1 => $"{local}+crm@{domain}",
            2 => $"MAILTO:{local}@{domain}",
            3 => $"{local}@@{domain}",
            _ => $"{local}@{domain}",
        };
        var fullNameStyle = random.Next(3);
        return new RawContactRecord
        {
            System = random.Next(2) == 0 ? SourceSystem.HubSpot : SourceSystem.Salesforce,
            ObjectType = "Lead",
            SourceId = random.Next(10) == 0 ? string.Empty : $"00Q{index:D12}",
            Email = email,
            FirstName = fullNameStyle == 0 ? first : string.Empty,
            LastName = fullNameStyle == 0 ? last : string.Empty,
            FullName = fullNameStyle switch
            {
                1 => $"{first} {last}",
                2 => $"{last}, {first}",
                _ => string.Empty,
            },
            Phone = random.Next(8) switch
            {
                0 => $"(415) {random.Next(200, 999)}-{random.Next(1000, 9999)} ext. {random.Next(10, 999)}",
                1 => $"+1 212-{random.Next(200, 999)}-{random.Next(1000, 9999)}",
                2 => $"+44 20 7{random.Next(100, 999)} {random.Next(1000, 9999)}",
                3 => "n/a",
                4 => string.Empty,
                _ => $"+1 (650) {random.Next(200, 999)}-{random.Next(1000, 9999)} x{random.Next(1, 99)}",
            },
            Mobile = random.Next(4) == 0 ? $"+1 415 {random.Next(200, 999)} {random.Next(1000, 9999)}" : string.Empty,
            Company = company,
            Website = random.Next(2) == 0 ? $"https://www.{host}/about?ref=crm" : string.Empty,
            Title = Pick(random, EnglishTitles),
            Department = Pick(random, EnglishDepartments),
            Country = Pick(random, EnglishCountries),
        };
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string ToFullWidth(string ascii) =>
        string.Create(ascii.Length, ascii, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = c is > ' ' and <= '~' ? (char)(c - '!' + '\uff01') : c;
            }
        });
}
