namespace SyncBridge.Core.Contacts;

public enum Seniority
{
    Unknown = 0,
    IndividualContributor,
    Manager,
    Director,
    Executive,
}

public enum Department
{
    /// <summary>Nothing is known (written as an empty value).</summary>
    None = 0,
    Marketing,
    Sales,
    Engineering,
    It,
    Finance,
    Hr,
    Operations,
    Executive,
    Other,
}

public static class ClassificationNames
{
    public static string ToWireName(this Seniority seniority) => seniority switch
    {
        Seniority.Executive => "executive",
        Seniority.Director => "director",
        Seniority.Manager => "manager",
        Seniority.IndividualContributor => "individual_contributor",
        _ => "unknown",
    };

    public static string ToWireName(this Department department) => department switch
    {
        Department.Marketing => "marketing",
        Department.Sales => "sales",
        Department.Engineering => "engineering",
        Department.It => "it",
        Department.Finance => "finance",
        Department.Hr => "hr",
        Department.Operations => "operations",
        Department.Executive => "executive",
        Department.Other => "other",
        _ => string.Empty,
    };
}
