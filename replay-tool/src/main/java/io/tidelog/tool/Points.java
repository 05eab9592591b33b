package io.tidelog.tool;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parsing of the points --from/--to/--at take: a sequence number or an ISO-8601 instant. */
final class Points {
    private Points() {}

    /** A sequence (when {@code instant} is null) or an instant. */
    record Point(long sequence, Instant instant) {}

    static Point parse(String text, String option) {
        String t = text.strip();
        if (t.matches("\\d+")) {
            try {
                return new Point(Long.parseLong(t), null);
            } catch (NumberFormatException e) {
                throw new ToolException(option + ": sequence number out of range: " + t);
            }
        }
        return new Point(-1, instant(t, option));
    }

    static Instant instant(String text, String option) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException e2) {
                throw new ToolException(option + ": not an ISO-8601 instant or a sequence number: '" + t
                        + "' (example: 2024-05-01T12:00:00Z)");
            }
        }
    }
}
