using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class DepartmentClassifierTests
{
    [Theory]
    // marketing
    [InlineData("Marketing", "marketing")]
    [InlineData("MARKETING", "marketing")]
    [InlineData("Digital Marketing", "marketing")]
    [InlineData("マーケティング部", "marketing")]
    [InlineData("ﾏｰｹﾃｨﾝｸﾞ部", "marketing")]
    [InlineData("マーケ", "marketing")]
    [InlineData("販促", "marketing")]
    [InlineData("広報部", "marketing")]
    [InlineData("PR", "marketing")]
    [InlineData("PR・広報", "marketing")]
    [InlineData("Corporate Communications", "marketing")]
    [InlineData("Brand", "marketing")]
    // sales
    [InlineData("Sales", "sales")]
    [InlineData("Inside Sales", "sales")]
    [InlineData("営業部", "sales")]
    [InlineData("営業", "sales")]
    [InlineData("販売", "sales")]
    [InlineData("Business Development", "sales")]
    [InlineData("BizDev", "sales")]
    [InlineData("Account Executive", "sales")]
    // finance
    [InlineData("Finance", "finance")]
    [InlineData("Financial Planning", "finance")]
    [InlineData("Accounting", "finance")]
    [InlineData("Treasury", "finance")]
    [InlineData("経理部", "finance")]
    [InlineData("財務", "finance")]
    [InlineData("財務部", "finance")]
    [InlineData("会計", "finance")]
    // hr
    [InlineData("HR", "hr")]
    [InlineData("ＨＲ", "hr")]
    [InlineData("Human Resources", "hr")]
    [InlineData("People", "hr")]
    [InlineData("People Operations", "hr")]
    [InlineData("Recruiting", "hr")]
    [InlineData("Talent Acquisition", "hr")]
    [InlineData("人事部", "hr")]
    [InlineData("採用", "hr")]
    [InlineData("労務", "hr")]
    // it
    [InlineData("IT", "it")]
    [InlineData("it", "it")]
    [InlineData("IT部", "it")]
    [InlineData("ＩＴ推進部", "it")]
    [InlineData("Information Systems", "it")]
    [InlineData("Information Technology", "it")]
    [InlineData("情報システム部", "it")]
    [InlineData("情シス", "it")]
    [InlineData("システム部", "it")]
    // engineering
    [InlineData("Engineering", "engineering")]
    [InlineData("R&D", "engineering")]
    [InlineData("Software", "engineering")]
    [InlineData("Product Development", "engineering")]
    [InlineData("開発部", "engineering")]
    [InlineData("技術部", "engineering")]
    [InlineData("研究開発", "engineering")]
    [InlineData("エンジニアリング", "engineering")]
    // operations
    [InlineData("Operations", "operations")]
    [InlineData("Ops", "operations")]
    [InlineData("Logistics", "operations")]
    [InlineData("Supply Chain", "operations")]
    [InlineData("業務部", "operations")]
    [InlineData("総務部", "operations")]
    [InlineData("物流", "operations")]
    // executive
    [InlineData("Executive Office", "executive")]
    [InlineData("経営企画", "executive")]
    [InlineData("社長室", "executive")]
    [InlineData("役員室", "executive")]
    // first match in the contract's order
    [InlineData("Sales & Marketing", "marketing")]
    [InlineData("Sales Engineering", "sales")]
    [InlineData("Finance and HR", "finance")]
    [InlineData("Marketing Ops", "marketing")]
    [InlineData("IT Engineering", "it")]
    [InlineData("営業企画・マーケティング", "marketing")]
    // non-blank department that matches nothing
    [InlineData("Legal", "other")]
    [InlineData("法務部", "other")]
    [InlineData("Customer Success", "other")]
    [InlineData("Purchasing", "other")]
    [InlineData("Credit", "other")]
    [InlineData("Italy Office", "other")]
    [InlineData("Prospecting", "other")]
    [InlineData("Salesforce Admin Team", "other")]
    [InlineData("-", "other")]
    public void Classify_Department_ReturnsDepartment(string department, string expected) =>
        Assert.Equal(expected, DepartmentClassifier.Classify(department, "Software Engineer").ToWireName());

    [Theory]
    [InlineData("Marketing Manager", "marketing")]
    [InlineData("CFO", "finance")]
    [InlineData("Accountant", "finance")]
    [InlineData("CIO", "it")]
    [InlineData("IT Manager", "it")]
    [InlineData("COO", "operations")]
    [InlineData("CEO", "executive")]
    [InlineData("President", "executive")]
    [InlineData("Founder", "executive")]
    [InlineData("Software Engineer", "engineering")]
    [InlineData("Developer", "engineering")]
    [InlineData("Account Executive", "sales")]
    [InlineData("Recruiter", "hr")]
    [InlineData("営業部長", "sales")]
    [InlineData("経理担当", "finance")]
    [InlineData("代表取締役社長", "executive")]
    [InlineData("情報システム部 課長", "it")]
    [InlineData("エンジニア", "engineering")]
    [InlineData("Intern", "")]
    [InlineData("Manager", "")]
    [InlineData("主任", "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Classify_BlankDepartment_UsesTitle(string title, string expected)
    {
        Assert.Equal(expected, DepartmentClassifier.Classify(string.Empty, title).ToWireName());
        Assert.Equal(expected, DepartmentClassifier.Classify("\u3000 ", title).ToWireName());
    }

    [Fact]
    public void Classify_NothingKnown_IsNone() =>
        Assert.Equal(Department.None, DepartmentClassifier.Classify(null, null));

    [Fact]
    public void Classify_UnmatchedDepartment_IsOtherEvenWhenTitleMatches() =>
        Assert.Equal(Department.Other, DepartmentClassifier.Classify("Legal", "CEO"));
}
