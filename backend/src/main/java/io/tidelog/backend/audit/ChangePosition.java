package io.tidelog.backend.audit;

/**
 * Where a change-stream record is in the log: the entry's sequence and the event's index in it.
 * Totally ordered; its text form {@code "<sequence>:<eventIndex>"} is what a checkpoint stores.
 */
public record ChangePosition(long logSequence, int eventIndex) implements Comparable<ChangePosition> {

    public ChangePosition {
        if (logSequence < 0 || eventIndex < 0) {
            throw new IllegalArgumentException("negative position: " + logSequence + ":" + eventIndex);
        }
    }

    public static ChangePosition parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a change position (expected SEQ:INDEX): '" + t + "'");
        }
        try {
            return new ChangePosition(Long.parseLong(t.substring(0, colon)), Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a change position (expected SEQ:INDEX): '" + t + "'");
        }
    }

    @Override
    public int compareTo(ChangePosition o) {
        int c = Long.compare(logSequence, o.logSequence);
        return c != 0 ? c : Integer.compare(eventIndex, o.eventIndex);
    }

    @Override
    public String toString() {
        return logSequence + ":" + eventIndex;
    }
}
