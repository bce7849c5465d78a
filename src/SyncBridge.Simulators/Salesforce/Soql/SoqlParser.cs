namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>
/// A small recursive-descent parser for the SOQL shapes SyncBridge sends: field lists with relationship paths and
/// one level of child subqueries, WHERE with AND / OR / NOT / parentheses, comparisons and IN, ORDER BY, LIMIT.
/// </summary>
internal sealed class SoqlParser
{
    private readonly List<SoqlToken> _tokens;
    private int _position;

    private SoqlParser(List<SoqlToken> tokens) => _tokens = tokens;

    public static SoqlQuery Parse(string soql)
    {
        ArgumentNullException.ThrowIfNull(soql);
        var parser = new SoqlParser(SoqlLexer.Tokenize(soql));
        var query = parser.ParseQuery();
        if (parser.Peek.Kind != SoqlTokenKind.End)
        {
            throw new SoqlException($"unexpected '{parser.Peek.Text}' at {parser.Peek.Position}");
        }

        return query;
    }

    private SoqlToken Peek => _tokens[_position];

    private SoqlToken Next() => _tokens[_position++];

    private SoqlQuery ParseQuery()
    {
        ExpectKeyword("SELECT");
        var fields = new List<string>();
        var subqueries = new List<SoqlQuery>();
        do
        {
            if (Peek.Kind == SoqlTokenKind.OpenParen)
            {
                Next();
                subqueries.Add(ParseQuery());
                Expect(SoqlTokenKind.CloseParen);
            }
            else
            {
                fields.Add(ExpectIdentifier());
            }
        }
        while (TryTake(SoqlTokenKind.Comma));

        ExpectKeyword("FROM");
        var from = ExpectIdentifier();
        SoqlCondition? where = null;
        if (Peek.IsKeyword("WHERE"))
        {
            Next();
            where = ParseOr();
        }

        var orderBy = new List<SoqlOrder>();
        if (Peek.IsKeyword("ORDER"))
        {
            Next();
            ExpectKeyword("BY");
            do
            {
                var field = ExpectIdentifier();
                var descending = false;
                if (Peek.IsKeyword("ASC"))
                {
                    Next();
                }
                else if (Peek.IsKeyword("DESC"))
                {
                    Next();
                    descending = true;
                }

                if (Peek.IsKeyword("NULLS"))
                {
                    Next();
                    Next();
                }

                orderBy.Add(new SoqlOrder(field, descending));
            }
            while (TryTake(SoqlTokenKind.Comma));
        }

        int? limit = null;
        if (Peek.IsKeyword("LIMIT"))
        {
            Next();
            var token = Next();
            if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new SoqlException($"LIMIT must be a positive integer at {token.Position}");
            }

            limit = value;
        }

        return new SoqlQuery(from, fields, subqueries, where, orderBy, limit);
    }

    private SoqlCondition ParseOr()
    {
        var left = ParseAnd();
        while (Peek.IsKeyword("OR"))
        {
            Next();
            left = new SoqlOr(left, ParseAnd());
        }

        return left;
    }

    private SoqlCondition ParseAnd()
    {
        var left = ParseNot();
        while (Peek.IsKeyword("AND"))
        {
            Next();
            left = new SoqlAnd(left, ParseNot());
        }

        return left;
    }

    private SoqlCondition ParseNot()
    {
        if (Peek.IsKeyword("NOT"))
        {
            Next();
            return new SoqlNot(ParseNot());
        }

        if (Peek.Kind == SoqlTokenKind.OpenParen)
        {
            Next();
            var inner = ParseOr();
            Expect(SoqlTokenKind.CloseParen);
            return inner;
        }

        var field = ExpectIdentifier();
        if (Peek.IsKeyword("IN") || Peek.IsKeyword("NOT"))
        {
            var negated = Peek.IsKeyword("NOT");
            if (negated)
            {
                Next();
            }

            ExpectKeyword("IN");
            Expect(SoqlTokenKind.OpenParen);
            var values = new List<object?>();
            do
            {
                values.Add(SoqlValues.ParseLiteral(Next()));
            }
            while (TryTake(SoqlTokenKind.Comma));
            Expect(SoqlTokenKind.CloseParen);
            return new SoqlIn(field, values, negated);
        }

        var op = Next();
        if (op.Kind != SoqlTokenKind.Operator)
        {
            throw new SoqlException($"expected an operator after {field} at {op.Position}");
        }

        return new SoqlComparison(field, op.Text, SoqlValues.ParseLiteral(Next()));
    }

    private bool TryTake(SoqlTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    private void Expect(SoqlTokenKind kind)
    {
        var token = Next();
        if (token.Kind != kind)
        {
            throw new SoqlException($"expected {kind} at {token.Position}, found '{token.Text}'");
        }
    }

    private void ExpectKeyword(string keyword)
    {
        var token = Next();
        if (!token.IsKeyword(keyword))
        {
            throw new SoqlException($"expected {keyword} at {token.Position}, found '{token.Text}'");
        }
    }

    private string ExpectIdentifier()
    {
        var token = Next();
        if (token.Kind != SoqlTokenKind.Identifier)
        {
            throw new SoqlException($"expected a field or object name at {token.Position}, found '{token.Text}'");
        }

        return token.Text;
    }
}
