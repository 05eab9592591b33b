package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;

/**
 * A request's {@code StreamSpecification}.
 *
 * @param present  whether the request had the member
 * @param enabled  {@code StreamEnabled}
 * @param viewType {@code StreamViewType}, or null
 */
record StreamRequest(boolean present, boolean enabled, String viewType) {

    static StreamRequest read(Request r, ConstraintViolations v) {
        Request spec = r.structure("StreamSpecification");
        if (spec == null) {
            return new StreamRequest(false, false, null);
        }
        Boolean enabled = spec.bool("StreamEnabled");
        if (enabled == null) {
            v.notNull("streamSpecification.streamEnabled");
        }
        String viewType = DefinitionReader.oneOf(spec, "StreamViewType", "streamSpecification.streamViewType",
                DefinitionReader.STREAM_VIEW_TYPES, v);
        return new StreamRequest(true, Boolean.TRUE.equals(enabled), viewType);
    }

    /** CreateTable's words: an enabled stream needs a view type, a disabled one has none. */
    void checkAtCreate() {
        if (!present) {
            return;
        }
        if (enabled && viewType == null) {
            throw Errors.streamViewTypeRequiredAtCreate();
        }
        if (!enabled && viewType != null) {
            throw Errors.streamViewTypeForbiddenAtCreate();
        }
    }

    /** UpdateTable's words for the same rules. */
    void checkAtUpdate() {
        if (!present) {
            return;
        }
        if (enabled && viewType == null) {
            throw Errors.streamViewTypeRequired();
        }
        if (!enabled && viewType != null) {
            throw Errors.streamViewTypeForbidden();
        }
    }
}
