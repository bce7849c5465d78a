using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Seniority from a job title: the first level (executive, director, manager, individual contributor) whose
/// keywords occur in the NFKC lower-case title; <see cref="Seniority.Unknown"/> otherwise, including a blank title.
/// </summary>
internal static class SeniorityClassifier
{
    private static readonly KeywordClassifier<Seniority> Rules = new(
    [
        (Seniority.Executive, [
            "chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "cxo", "president", "vice president", "founder",
            "co-founder", "owner", "vp", "svp", "evp", "partner", "managing director",
            "代表取締役", "代表", "社長", "副社長", "取締役", "役員", "執行役員", "会長", "専務", "常務"]),
        (Seniority.Director, [
            "director", "head of", "head", "部長", "本部長", "事業部長", "室長"]),
        (Seniority.Manager, [
            "manager", "mgr", "lead", "team lead", "supervisor", "課長", "係長", "マネージャー", "マネジャー", "リーダー"]),
        (Seniority.IndividualContributor, [
            "specialist", "engineer", "developer", "analyst", "associate", "coordinator", "representative",
            "consultant", "designer", "administrator", "staff", "assistant", "member",
            "担当", "主任", "社員", "スタッフ", "エンジニア", "開発者", "営業担当"]),
    ]);

    public static Seniority Classify(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return Seniority.Unknown;
        }

        var cleaned = NormalizedText.Clean(title);
        Span<char> buffer = cleaned.Length <= 256 ? stackalloc char[cleaned.Length] : new char[cleaned.Length];
        var length = NormalizedText.LowerInvariant(cleaned, buffer);
        return ClassifyLowered(buffer[..length]);
    }

    /// <summary>Classifies a title that is already NFKC, whitespace-collapsed and lower case.</summary>
    internal static Seniority ClassifyLowered(ReadOnlySpan<char> loweredTitle)
    {
        if (loweredTitle.IsWhiteSpace())
        {
            return Seniority.Unknown;
        }

        return Rules.TryClassify(loweredTitle, out var level) ? level : Seniority.Unknown;
    }
}
