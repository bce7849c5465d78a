namespace SyncBridge.Simulators.Salesforce.Soql;

internal enum SoqlTokenKind
{
    End = 0,
    Identifier,
    String,
    Literal,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
}

/// <summary>One token of a SOQL statement. <see cref="Text"/> of a string token is unescaped.</summary>
internal readonly record struct SoqlToken(SoqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
