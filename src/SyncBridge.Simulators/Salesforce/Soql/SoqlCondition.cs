namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>A WHERE condition tree.</summary>
internal abstract record SoqlCondition
{
    public abstract bool Evaluate(Func<string, object?> field);
}

internal sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition
{
    public override bool Evaluate(Func<string, object?> field) => Left.Evaluate(field) && Right.Evaluate(field);
}

internal sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition
{
    public override bool Evaluate(Func<string, object?> field) => Left.Evaluate(field) || Right.Evaluate(field);
}

internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition
{
    public override bool Evaluate(Func<string, object?> field) => !Inner.Evaluate(field);
}

internal sealed record SoqlComparison(string Field, string Operator, object? Value) : SoqlCondition
{
    public override bool Evaluate(Func<string, object?> field)
    {
        var actual = field(Field);
        if (Value is null || actual is null)
        {
            return Operator switch
            {
                "=" => actual is null && Value is null,
                "!=" or "<>" => (actual is null) != (Value is null),
                _ => false,
            };
        }

        var order = SoqlValues.Compare(actual, Value);
        return Operator switch
        {
            "=" => order == 0,
            "!=" or "<>" => order != 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => throw new SoqlException($"unknown operator {Operator}"),
        };
    }
}

internal sealed record SoqlIn(string Field, IReadOnlyList<object?> Values, bool Negated) : SoqlCondition
{
    public override bool Evaluate(Func<string, object?> field)
    {
        var actual = field(Field);
        var found = Values.Any(v => v is null ? actual is null : actual is not null && SoqlValues.Compare(actual, v) == 0);
        return found != Negated;
    }
}
