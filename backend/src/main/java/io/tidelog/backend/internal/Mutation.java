package io.tidelog.backend.internal;

/**
 * A mutating call's decision. It checks its preconditions against the schema and raises before
 * changing it; only once every check passed does it update the schema and return its events.
 */
@FunctionalInterface
interface Mutation {
    Decided decide(Schema schema);
}
