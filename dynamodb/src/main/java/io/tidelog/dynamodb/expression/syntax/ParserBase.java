package io.tidelog.dynamodb.expression.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the three parsers share: a cursor over the tokens with backtracking, the furthest
 * position any alternative reached (where a syntax error is reported, as an LL parser reports
 * the first token it cannot take), and a journal of faults that backtracking rolls back, so only
 * the faults of the parse that succeeded count.
 *
 * <p>Parse methods return null on failure, leaving the cursor where they found it; use
 * {@link #mark()} and {@link #reset(long)} around alternatives.
 */
abstract class ParserBase {
    protected final String source;
    protected final List<Token> tokens;
    protected int pos;
    private int furthest;
    private final int[] matchingParen;
    private final List<Fault> journal = new ArrayList<>();

    private enum Kind { PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION }

    /** A fault met while parsing; {@code text} names the function, word or clause. */
    private record Fault(Kind kind, String text) {}

    ParserBase(String source) {
        this.source = source;
        this.tokens = Tokenizer.tokenize(source);
        this.matchingParen = matchParens(tokens);
    }

    // Cursor

    protected Token peek() {
        return tokens.get(pos);
    }

    protected boolean at(Token.Type type) {
        if (tokens.get(pos).type() == type) {
            return true;
        }
        miss();
        return false;
    }

    protected boolean atKeyword(String keyword) {
        if (tokens.get(pos).isKeyword(keyword)) {
            return true;
        }
        miss();
        return false;
    }

    /** Consumes the next token if it has {@code type}. */
    protected boolean take(Token.Type type) {
        if (at(type)) {
            pos++;
            return true;
        }
        return false;
    }

    protected boolean takeKeyword(String keyword) {
        if (atKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Records that the token at the cursor could not be taken. */
    protected void miss() {
        furthest = Math.max(furthest, pos);
    }

    /** A position to come back to: cursor and journal. */
    protected long mark() {
        return ((long) journal.size() << 32) | pos;
    }

    /** Goes back to {@code mark}; returns null, for {@code return reset(m);} in parse methods. */
    protected <T> T reset(long mark) {
        pos = (int) mark;
        int size = (int) (mark >>> 32);
        while (journal.size() > size) {
            journal.remove(journal.size() - 1);
        }
        return null;
    }

    /** The error for a parse that failed, at the furthest token reached. */
    protected SyntaxError syntaxError() {
        int index = Math.min(Math.max(furthest, pos), tokens.size() - 1);
        Token bad = tokens.get(index);
        int from = index > 0 ? tokens.get(index - 1).start() : bad.start();
        int to = bad.type() != Token.Type.EOF && tokens.get(index + 1).type() != Token.Type.EOF
                ? tokens.get(index + 1).end() : bad.end();
        if (bad.type() == Token.Type.EOF) {
            to = source.length();
        }
        return new SyntaxError(bad.quoted(), source.substring(from, to));
    }

    /** Requires the whole input to have been taken. */
    protected void requireEnd() {
        if (!at(Token.Type.EOF)) {
            throw syntaxError();
        }
    }

    // Document paths

    /** A path step naming an attribute, or null; each grammar has its own rules for names. */
    protected abstract Node.Step name();

    /** The rest of a path after its first steps: {@code [n]} and {@code .name} steps. */
    protected Node.PathNode pathTail(List<Node.Step> head) {
        List<Node.Step> steps = new ArrayList<>(head);
        while (true) {
            long m = mark();
            if (take(Token.Type.LBRACKET)) {
                int index = index();
                if (index >= 0 && take(Token.Type.RBRACKET)) {
                    steps.add(new Node.Index(index));
                    continue;
                }
            } else if (take(Token.Type.DOT)) {
                Node.Step step = name();
                if (step != null) {
                    steps.add(step);
                    continue;
                }
            }
            reset(m);
            return new Node.PathNode(steps);
        }
    }

    /** A list index at the cursor, taken; -1 if there is none (or it is too large to be one). */
    private int index() {
        if (!at(Token.Type.NUMBER)) {
            return -1;
        }
        String digits = peek().text();
        long value = 0;
        for (int i = 0; i < digits.length() && value <= Integer.MAX_VALUE; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        if (value > Integer.MAX_VALUE) {
            miss();
            return -1;
        }
        pos++;
        return (int) value;
    }

    /** A name step for an identifier or placeholder at the cursor, unless the identifier is a keyword. */
    protected Node.Step nameUnless(String... keywords) {
        Token t = peek();
        if (t.type() == Token.Type.NAME_REF) {
            pos++;
            return new Node.NameRef(t.text());
        }
        if (t.type() != Token.Type.IDENTIFIER) {
            miss();
            return null;
        }
        for (String k : keywords) {
            if (t.isKeyword(k)) {
                miss();
                return null;
            }
        }
        pos++;
        reserved(t.text());
        return new Node.Name(t.text());
    }

    // Faults

    /** Records a redundant pair if the pair closing just before the cursor, opened at {@code open}, directly wraps another. */
    protected void checkRedundant(int open) {
        int close = pos - 1;
        if (tokens.get(open + 1).type() == Token.Type.LPAREN && matchingParen[open + 1] == close - 1) {
            journal.add(new Fault(Kind.PARENS, ""));
        }
    }

    protected void unknownFunction(String name) {
        journal.add(new Fault(Kind.UNKNOWN_FUNCTION, name));
    }

    protected void misusedFunction(String name) {
        journal.add(new Fault(Kind.MISUSED_FUNCTION, name));
    }

    protected void reserved(String word) {
        if (ReservedWords.contains(word)) {
            journal.add(new Fault(Kind.RESERVED, word));
        }
    }

    protected void section(String name) {
        journal.add(new Fault(Kind.SECTION, name));
    }

    /** The faults of the successful parse, the first of each kind. */
    protected Faults faults() {
        boolean parens = false;
        String unknown = null;
        String misused = null;
        String reserved = null;
        String repeated = null;
        List<String> sections = new ArrayList<>();
        for (Fault fault : journal) {
            switch (fault.kind()) {
                case PARENS -> parens = true;
                case UNKNOWN_FUNCTION -> unknown = unknown == null ? fault.text() : unknown;
                case MISUSED_FUNCTION -> misused = misused == null ? fault.text() : misused;
                case RESERVED -> reserved = reserved == null ? fault.text() : reserved;
                case SECTION -> {
                    if (sections.contains(fault.text()) && repeated == null) {
                        repeated = fault.text();
                    }
                    sections.add(fault.text());
                }
            }
        }
        if (!parens && unknown == null && misused == null && reserved == null && repeated == null) {
            return Faults.NONE;
        }
        return new Faults(parens, unknown, misused, reserved, repeated);
    }

    private static int[] matchParens(List<Token> tokens) {
        int[] match = new int[tokens.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            match[i] = -1;
            if (tokens.get(i).type() == Token.Type.LPAREN) {
                open.push(i);
            } else if (tokens.get(i).type() == Token.Type.RPAREN && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                match[i] = o;
            }
        }
        return match;
    }
}
