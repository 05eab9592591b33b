package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import java.util.List;

/**
 * Argument checks of §2.5, raised as {@code VALIDATION} before any effect. Every string that
 * reaches the log goes through {@link #str} or {@link #nullable}, because a string with an
 * unpaired surrogate has no UTF-8 form and could not be stored faithfully.
 */
final class Args {
    private Args() {}

    static BackendException invalid(String message) {
        return new BackendException(BackendException.Kind.VALIDATION, message);
    }

    static String str(String name, String value) {
        if (value == null) {
            throw invalid(name + " must not be null");
        }
        return checkSurrogates(name, value);
    }

    static String nullable(String name, String value) {
        return value == null ? null : checkSurrogates(name, value);
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw invalid(name + " must not be null");
        }
        return value;
    }

    static <T> List<T> list(String name, List<T> values) {
        notNull(name, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw invalid(name + "[" + i + "] must not be null");
            }
        }
        return values;
    }

    static int itemSize(int size) {
        if (size < 0) {
            throw invalid("itemSize must not be negative: " + size);
        }
        return size;
    }

    static int limit(int limit) {
        if (limit < 0) {
            throw invalid("limit must not be negative: " + limit);
        }
        return limit;
    }

    /** A nullable limit: null means no limit. */
    static int limit(Integer limit) {
        return limit == null ? Integer.MAX_VALUE : limit(limit.intValue());
    }

    static double notNaN(String name, double value) {
        if (Double.isNaN(value)) {
            throw invalid(name + " must not be NaN");
        }
        return value;
    }

    private static String checkSurrogates(String name, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw invalid(name + " contains an unpaired surrogate at index " + i);
                }
            }
        }
        return s;
    }
}
