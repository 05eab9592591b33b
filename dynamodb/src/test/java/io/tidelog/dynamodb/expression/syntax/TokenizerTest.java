package io.tidelog.dynamodb.expression.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> kinds(String source) {
        return Tokenizer.tokenize(source).stream().map(t -> t.type() + ":" + t.text()).toList();
    }

    @Test
    void namesPlaceholdersNumbersAndOperators() {
        assertEquals(List.of("NAME_REF:#status", "EQ:=", "VALUE_REF::val", "EOF:"), kinds("#status = :val"));
        assertEquals(List.of("IDENTIFIER:a", "DOT:.", "IDENTIFIER:b", "LBRACKET:[", "NUMBER:0", "RBRACKET:]", "DOT:.",
                "IDENTIFIER:_c1", "EOF:"), kinds("a.b[0]._c1"));
        assertEquals(List.of("IDENTIFIER:a", "NE:<>", "IDENTIFIER:b", "LE:<=", "IDENTIFIER:c", "GE:>=", "IDENTIFIER:d",
                "LT:<", "IDENTIFIER:e", "GT:>", "PLUS:+", "MINUS:-", "COMMA:,", "LPAREN:(", "RPAREN:)", "EOF:"),
                kinds("a<>b<=c>=d<e>+-,()"));
        assertEquals(List.of("NUMBER:4", "IDENTIFIER:a", "EOF:"), kinds("4a"));
        assertEquals(List.of("IDENTIFIER:tenantAgent", "VALUE_REF::abc123", "MINUS:-", "EOF:"), kinds("tenantAgent:abc123-"));
    }

    @Test
    void charactersNoTokenStartsWithAreUnknownTokensOfTheirOwn() {
        assertEquals(List.of("UNKNOWN:!", "UNKNOWN:!", "EOF:"), kinds("!!"));
        assertEquals(List.of("IDENTIFIER:hits", "UNKNOWN::", "IDENTIFIER:incr", "EOF:"), kinds("hits : incr"));
        assertEquals(List.of("UNKNOWN:#", "UNKNOWN:$", "EOF:"), kinds("#$"));
        assertEquals(List.of("UNKNOWN:\uD83D\uDE00", "EOF:"), kinds("\uD83D\uDE00"));
        assertEquals(List.of("UNKNOWN:\"", "IDENTIFIER:x", "UNKNOWN:\"", "EOF:"), kinds("\"x\""));
    }

    @Test
    void tokensKnowWhereTheyAre() {
        List<Token> tokens = Tokenizer.tokenize("INVALID SYNTAX\tHERE\n");
        assertEquals(new Token(Token.Type.IDENTIFIER, "SYNTAX", 8, 14), tokens.get(1));
        assertEquals(new Token(Token.Type.EOF, "", 20, 20), tokens.get(3));
        assertEquals("<EOF>", tokens.get(3).quoted());
        assertTrue(tokens.get(0).isKeyword("invalid"));
        assertFalse(tokens.get(0).isKeyword("INVALI"));
    }

    @Test
    void theReservedWordsAreDynamoDbsInAnyCase() {
        assertEquals(573, ReservedWords.count());
        assertTrue(ReservedWords.contains("status"));
        assertTrue(ReservedWords.contains("STATUS"));
        assertTrue(ReservedWords.contains("Name"));
        assertTrue(ReservedWords.contains("zone"));
        assertTrue(ReservedWords.contains("abort"));
        assertFalse(ReservedWords.contains("myattribute"));
        assertFalse(ReservedWords.contains("pk"));
    }
}
