using System.Text;

namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>Splits a SOQL statement into tokens.</summary>
internal static class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string soql)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new SoqlToken(SoqlTokenKind.OpenParen, "(", start));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new SoqlToken(SoqlTokenKind.CloseParen, ")", start));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new SoqlToken(SoqlTokenKind.Comma, ",", start));
                    i++;
                    continue;
                case '\'':
                    tokens.Add(new SoqlToken(SoqlTokenKind.String, ReadString(soql, ref i), start));
                    continue;
                case '=':
                    tokens.Add(new SoqlToken(SoqlTokenKind.Operator, "=", start));
                    i++;
                    continue;
                case '!' or '<' or '>':
                    var op = i + 1 < soql.Length && (soql[i + 1] == '=' || (c == '<' && soql[i + 1] == '>')) ? soql.Substring(i, 2) : c.ToString();
                    if (op == "!")
                    {
                        throw new SoqlException($"unexpected '!' at {start}");
                    }

                    tokens.Add(new SoqlToken(SoqlTokenKind.Operator, op, start));
                    i += op.Length;
                    continue;
                default:
                    break;
            }

            if (char.IsAsciiDigit(c) || c == '-')
            {
                while (i < soql.Length && (char.IsAsciiLetterOrDigit(soql[i]) || soql[i] is ':' or '-' or '.' or '+'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Literal, soql[start..i], start));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < soql.Length && (char.IsAsciiLetterOrDigit(soql[i]) || soql[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new SoqlToken(SoqlTokenKind.Identifier, soql[start..i], start));
                continue;
            }

            throw new SoqlException($"unexpected character '{c}' at {start}");
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, string.Empty, soql.Length));
        return tokens;
    }

    private static string ReadString(string soql, ref int i)
    {
        var text = new StringBuilder();
        i++;
        while (i < soql.Length)
        {
            var c = soql[i++];
            if (c == '\\' && i < soql.Length)
            {
                text.Append(soql[i++]);
            }
            else if (c == '\'')
            {
                return text.ToString();
            }
            else
            {
                text.Append(c);
            }
        }

        throw new SoqlException("unterminated string literal");
    }
}
