package io.tidelog.projections;

/** The three kinds of item tables, each its own namespace of names. */
public enum TableKind {
    DATA((byte) 'D'), GSI((byte) 'G'), LSI((byte) 'L');

    final byte tag;

    TableKind(byte tag) {
        this.tag = tag;
    }
}
