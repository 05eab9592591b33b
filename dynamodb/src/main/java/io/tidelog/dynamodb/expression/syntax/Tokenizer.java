package io.tidelog.dynamodb.expression.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into {@link Token}s, ending with an {@code EOF} token. Never fails: a
 * character no token starts with (or a {@code #} or {@code :} with no name after it) becomes an
 * {@code UNKNOWN} token, which every grammar refuses, so the syntax error names it the way
 * DynamoDB does. Whitespace is space, tab, carriage return and line feed.
 */
public final class Tokenizer {
    private Tokenizer() {}

    public static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>(Math.max(8, source.length() / 3));
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            Token.Type type;
            if (isNameStart(c)) {
                i = nameEnd(source, i + 1);
                type = Token.Type.IDENTIFIER;
            } else if (c >= '0' && c <= '9') {
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                type = Token.Type.NUMBER;
            } else if ((c == '#' || c == ':') && i + 1 < n && isNamePart(source.charAt(i + 1))) {
                i = nameEnd(source, i + 1);
                type = c == '#' ? Token.Type.NAME_REF : Token.Type.VALUE_REF;
            } else if (c == '<' && i + 1 < n && (source.charAt(i + 1) == '>' || source.charAt(i + 1) == '=')) {
                type = source.charAt(i + 1) == '>' ? Token.Type.NE : Token.Type.LE;
                i += 2;
            } else if (c == '>' && i + 1 < n && source.charAt(i + 1) == '=') {
                type = Token.Type.GE;
                i += 2;
            } else {
                type = single(c);
                i += type == Token.Type.UNKNOWN && Character.isHighSurrogate(c) && i + 1 < n
                        && Character.isLowSurrogate(source.charAt(i + 1)) ? 2 : 1;
            }
            tokens.add(new Token(type, source.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Type.EOF, "", n, n));
        return tokens;
    }

    private static Token.Type single(char c) {
        return switch (c) {
            case '(' -> Token.Type.LPAREN;
            case ')' -> Token.Type.RPAREN;
            case '[' -> Token.Type.LBRACKET;
            case ']' -> Token.Type.RBRACKET;
            case '.' -> Token.Type.DOT;
            case ',' -> Token.Type.COMMA;
            case '=' -> Token.Type.EQ;
            case '<' -> Token.Type.LT;
            case '>' -> Token.Type.GT;
            case '+' -> Token.Type.PLUS;
            case '-' -> Token.Type.MINUS;
            default -> Token.Type.UNKNOWN;
        };
    }

    private static int nameEnd(String s, int i) {
        while (i < s.length() && isNamePart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
