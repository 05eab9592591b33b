package io.tidelog.backend.internal;

import io.tidelog.projections.Projector;
import io.tidelog.projections.ViewBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * An open transaction: its owner thread, its copy of the schema, its events so far, and its own
 * view batch laid over the committed views, through which the owner reads its own writes. Its
 * events are applied to that batch as they are made, with a projector of its own, so results
 * such as the previous item come out exactly as the live projector will compute them at commit.
 *
 * <p>Confined to the owner thread, except that {@code close()} of the backend may discard it.
 */
final class Transaction {
    final Thread owner;
    final Schema schema;
    final ViewBatch batch;
    final List<Object> events = new ArrayList<>();
    private final Projector projector = new Projector();
    private final long provisionalSequence;

    Transaction(Thread owner, Schema schema, ViewBatch batch, long provisionalSequence) {
        this.owner = owner;
        this.schema = schema;
        this.batch = batch;
        this.provisionalSequence = provisionalSequence;
    }

    /** Applies a decided call; on failure the transaction is as it was before the call. */
    List<String> apply(List<Object> newEvents) {
        batch.mark();
        List<String> results = new ArrayList<>(newEvents.size());
        try {
            for (Object e : newEvents) {
                results.add(projector.apply(batch, e, provisionalSequence, events.size() + results.size(), null));
            }
            projector.endEntry();
            projector.finish(batch);
        } catch (RuntimeException e) {
            batch.rollbackToMark();
            projector.abandonEntry();
            throw e;
        }
        events.addAll(newEvents);
        return results;
    }

    void discard() {
        batch.close();
    }
}
