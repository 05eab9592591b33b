package io.tidelog.dynamodb.expression.legacy;

import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.error.LegacyErrors;
import io.tidelog.dynamodb.expression.Operand;
import io.tidelog.dynamodb.expression.Path;
import io.tidelog.dynamodb.expression.Update;
import io.tidelog.dynamodb.expression.UpdateAction;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code AttributeUpdates} of {@code UpdateItem}, read into an {@link Update}: for
 * each top-level attribute, {@code PUT} (the default) sets it, {@code DELETE} removes it or,
 * given a set, removes those elements, {@code ADD} adds to a number or a set, or appends to a
 * list. {@link io.tidelog.dynamodb.expression.UpdateEvaluator} applies it like an update
 * expression, with {@code Type mismatch for attribute to update} for values of the wrong type.
 */
public final class LegacyUpdates {
    private LegacyUpdates() {}

    /**
     * Reads {@code AttributeUpdates}, entry by entry: the value first, then the action's rules.
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Only DELETE action is allowed when
     *         no attribute value is specified}, {@code DELETE action with value is not supported
     *         for the type S}, {@code ADD action is not supported for the type S}, or the value's
     *         own error
     */
    public static Update attributeUpdates(Request updates) {
        List<UpdateAction> actions = new ArrayList<>();
        for (Map.Entry<String, Request> e : LegacyConditions.entries(updates)) {
            Request entry = e.getValue();
            Path path = Path.of(e.getKey());
            AttributeValue value = entry.has("Value") ? AttributeValueJson.read(entry.get("Value")) : null;
            String action = entry.string("Action");
            if (action == null) {
                action = "PUT";
            }
            if (!action.equals("PUT") && !action.equals("ADD") && !action.equals("DELETE")) {
                throw Errors.constraints(List.of(LegacyErrors.actionConstraint(e.getKey(), action)));
            }
            if (value == null && !action.equals("DELETE")) {
                throw LegacyErrors.onlyDeleteWithoutValue();
            }
            switch (action) {
                case "PUT" -> actions.add(new UpdateAction.Set(path, new Operand.Value(value)));
                case "DELETE" -> {
                    if (value == null) {
                        actions.add(new UpdateAction.Remove(path));
                    } else if (!value.isSet()) {
                        throw LegacyErrors.deleteNotSupported(value.type());
                    } else {
                        actions.add(new UpdateAction.Delete(path, value));
                    }
                }
                default -> {
                    if (!(value instanceof AttributeValue.N || value.isSet() || value instanceof AttributeValue.L)) {
                        throw LegacyErrors.addNotSupported(value.type());
                    }
                    actions.add(new UpdateAction.Add(path, value));
                }
            }
        }
        return new Update(actions, true);
    }

    /**
     * The constraint failures of the entries' {@code Action}s (not one of {@code ADD},
     * {@code PUT}, {@code DELETE}), in map order, for the operation to report with its other
     * constraints.
     */
    public static List<String> constraintFailures(Request updates) {
        List<String> failures = new ArrayList<>();
        if (updates == null) {
            return failures;
        }
        for (Map.Entry<String, Request> e : LegacyConditions.entries(updates)) {
            String action = e.getValue().string("Action");
            if (action != null && !action.equals("PUT") && !action.equals("ADD") && !action.equals("DELETE")) {
                failures.add(LegacyErrors.actionConstraint(e.getKey(), action));
            }
        }
        return failures;
    }
}
