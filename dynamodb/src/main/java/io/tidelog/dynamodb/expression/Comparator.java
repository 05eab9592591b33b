package io.tidelog.dynamodb.expression;

/** A comparator of DynamoDB's expression grammar: {@code = <> < <= > >=}. */
public enum Comparator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The comparator as written in an expression. */
    public String symbol() {
        return symbol;
    }

    /** The comparator with its operands swapped: {@code a < b} is {@code b > a}. */
    public Comparator reversed() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** The comparator written {@code symbol}, or null. */
    public static Comparator ofSymbol(String symbol) {
        for (Comparator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
