using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Department from the department column, else from the title: the first department (marketing, sales, finance,
/// hr, it, engineering, operations, executive) whose keywords occur in the NFKC lower-case text. A department
/// value that matches nothing is <see cref="Department.Other"/>; with a blank department a title that matches
/// nothing (or a blank title) gives <see cref="Department.None"/>.
/// </summary>
internal static class DepartmentClassifier
{
    private static readonly KeywordClassifier<Department> Rules = new(
    [
        (Department.Marketing, [
            "marketing", "マーケティング", "マーケ", "販促", "広報", "pr", "communications", "brand"]),
        (Department.Sales, [
            "sales", "営業", "販売", "business development", "bizdev", "account executive", "inside sales"]),
        (Department.Finance, [
            "finance", "financial", "accounting", "accountant", "treasury", "経理", "財務", "会計", "cfo"]),
        (Department.Hr, [
            "hr", "human resources", "people", "recruiting", "recruiter", "talent", "人事", "採用", "労務"]),
        (Department.It, [
            "it", "information systems", "information technology", "情報システム", "情シス", "システム部", "cio"]),
        (Department.Engineering, [
            "engineering", "engineer", "developer", "development", "r&d", "software", "開発", "技術", "エンジニア", "研究"]),
        (Department.Operations, [
            "operations", "ops", "logistics", "supply chain", "業務", "総務", "物流", "coo"]),
        (Department.Executive, [
            "executive", "ceo", "president", "founder", "経営", "社長", "代表取締役", "役員", "取締役"]),
    ]);

    public static Department Classify(string? department, string? title)
    {
        var cleanedDepartment = NormalizedText.Clean(department);
        var cleanedTitle = cleanedDepartment.Length > 0 ? string.Empty : NormalizedText.Clean(title);
        var text = cleanedDepartment.Length > 0 ? cleanedDepartment : cleanedTitle;

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var lowered = buffer[..NormalizedText.LowerInvariant(text, buffer)];
        return cleanedDepartment.Length > 0 ? ClassifyLowered(lowered, []) : ClassifyLowered([], lowered);
    }

    /// <summary>
    /// Classifies already lower-cased NFKC texts: the department when it is non-empty (Other when it matches
    /// nothing), else the title (None when it matches nothing).
    /// </summary>
    internal static Department ClassifyLowered(ReadOnlySpan<char> loweredDepartment, ReadOnlySpan<char> loweredTitle)
    {
        if (!loweredDepartment.IsEmpty)
        {
            var fromDepartment = Match(loweredDepartment);
            return fromDepartment == Department.None ? Department.Other : fromDepartment;
        }

        return loweredTitle.IsEmpty ? Department.None : Match(loweredTitle);
    }

    private static Department Match(ReadOnlySpan<char> lowered) =>
        Rules.TryClassify(lowered, out var department) ? department : Department.None;
}
