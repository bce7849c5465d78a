using System.Text;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

/// <summary>Seeded random messy input: every rule copes with anything and keeps its output invariants.</summary>
public sealed class NormalizationRobustnessTests
{
    private const string Alphabet =
        "abcXYZ019 .,-_+@<>\"'()#:;/?=&!~\t\n\r\u3000\u00a0ＡＢｃ１２＠．。｡（）＜＞ｱｲｳｶﾞﾟ山田太郎株式会社有限(株)㈱内線ext.xマーケ営業部長ー・é\u0301İ";

    private static readonly ContactNormalizer Normalizer = new(new NormalizationOptions());

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normalize_RandomMessyRecords_NeverThrowsAndKeepsInvariants(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 250; i++)
        {
            var record = new RawContactRecord
            {
                SourceId = Next(random),
                Email = random.Next(3) == 0 ? Next(random) + "@" + Next(random) + ".jp" : Next(random),
                FirstName = Next(random),
                LastName = random.Next(2) == 0 ? string.Empty : Next(random),
                FullName = Next(random),
                Phone = random.Next(2) == 0 ? "03-" + random.Next(1000, 9999) + Next(random) : Next(random),
                Mobile = Next(random),
                Company = Next(random),
                Website = Next(random),
                Title = Next(random),
                Department = random.Next(2) == 0 ? string.Empty : Next(random),
                Country = Next(random),
            };

            var contact = Normalizer.Normalize(record);

            Assert.Equal(record.Email, contact.Email.Original);
            Assert.Equal(contact.Email.Normalized.ToLowerInvariant(), contact.Email.Normalized);
            Assert.Equal(contact.Email.IsValid, contact.Email.MatchKey.Length > 0);
            Assert.True(!contact.Email.IsValid || Ascii.IsValid(contact.Email.Normalized));
            Assert.Equal(record.Phone, contact.Phone.Original);
            Assert.Equal(contact.Phone.IsValid, contact.Phone.E164.Length > 0);
            Assert.True(contact.Phone.E164.Length == 0 || contact.Phone.E164[0] == '+');
            Assert.All(contact.Phone.Extension, c => Assert.True(char.IsAsciiDigit(c)));
            Assert.All(contact.Company.Key, c => Assert.True(char.IsLetterOrDigit(c) || char.IsSurrogate(c)));
            Assert.Equal(contact.Company.Key.ToLowerInvariant(), contact.Company.Key);
            Assert.DoesNotContain("  ", contact.FamilyName + contact.GivenName + contact.Title + contact.Company.Name, StringComparison.Ordinal);
            Assert.Equal(contact.FamilyName.Trim(), contact.FamilyName);
            Assert.True(contact.CountryCode.Length is 0 or 2);
            Assert.True(Enum.IsDefined(contact.Seniority));
            Assert.Equal(contact.Department == Department.Other, record.Department.Trim().Length > 0 && contact.Department == Department.Other);
            Assert.Equal(contact, Normalizer.Normalize(record) with { Identities = contact.Identities });
        }
    }

    private static string Next(Random random)
    {
        var length = random.Next(0, 24);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(40) == 0 ? "𠮷" : Alphabet[random.Next(Alphabet.Length)].ToString());
        }

        return builder.ToString();
    }
}
