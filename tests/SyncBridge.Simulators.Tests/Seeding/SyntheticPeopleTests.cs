using System.Text;
using SyncBridge.Simulators.Seeding;

namespace SyncBridge.Simulators.Tests.Seeding;

public sealed class SyntheticPeopleTests
{
    [Fact]
    public void Get_SameSeedAndIndex_IsTheSamePerson()
    {
        var a = SyntheticPeople.Get(seed: 7, index: 1234);
        var b = SyntheticPeople.Get(seed: 7, index: 1234);
        Assert.Equal(a.Email, b.Email);
        Assert.Equal(a.Phone, b.Phone);
        Assert.Equal(a.Activities, b.Activities);
    }

    [Fact]
    public void Get_DifferentIndexes_HaveDistinctEmails()
    {
        var emails = Enumerable.Range(0, 5_000).Select(i => SyntheticPeople.Get(1, i).Email).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(5_000, emails.Count);
    }

    [Fact]
    public void Get_Population_MixesJapaneseAndEnglishPeople()
    {
        var people = Enumerable.Range(0, 1_000).Select(i => SyntheticPeople.Get(3, i)).ToList();
        var japanese = people.Count(p => p.Japanese);
        Assert.InRange(japanese, 450, 750);
        Assert.All(people.Where(p => p.Japanese), p => Assert.Equal("JP", p.Country));
        Assert.All(people, p => Assert.True(p.Activities.Zip(p.Activities.Skip(1)).All(x => x.First.OccurredAt <= x.Second.OccurredAt)));
    }

    [Theory]
    [InlineData(0, "taro@example.jp")]
    [InlineData(1, "TARO@EXAMPLE.JP")]
    [InlineData(2, "mailto:taro@example.jp")]
    [InlineData(3, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")]
    [InlineData(4, "  taro@example.jp ")]
    public void MessyEmail_Variant_FormatsTheSameAddressDifferently(int variant, string expected) =>
        Assert.Equal(expected, SyntheticPeople.MessyEmail("taro@example.jp", variant));

    [Fact]
    public void ToFullWidth_ThenNfkc_GivesBackTheAscii()
    {
        const string ascii = "Sales-Dept_01@Example.com";
        Assert.Equal(ascii, SyntheticPeople.ToFullWidth(ascii).Normalize(NormalizationForm.FormKC));
    }

    [Fact]
    public void Get_SameSeedAndIndex_SamePersonInEveryProcess()
    {
        // Pinned from two separate processes: the mix must not depend on per-process hash randomisation, or
        // `plan --live` and `apply` run as two commands would meet two different simulated populations.
        var person = SyntheticPeople.Get(42, 7);

        Assert.Equal("sho.watanabe000007@mirai-shoji.example.jp", person.Email);
        Assert.Equal(2345, person.EmployeeCount);
        Assert.Equal(11, person.Activities.Count);
    }
}
