package io.tidelog.backend.internal;

/** A {@link Mutation} whose events depend on where its entry will be in the log. */
@FunctionalInterface
interface PlacedMutation {
    Decided decide(Schema schema, EntryPlace place);
}
