package io.tidelog.dynamodb.expression;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated update: its actions in the order the request gave them, with no two paths that
 * overlap or conflict. {@link UpdateEvaluator} applies it to an item.
 *
 * @param fromAttributeUpdates built from the legacy {@code AttributeUpdates}, whose {@code ADD}
 *                             also appends to lists and whose type errors DynamoDB words
 *                             differently
 */
public record Update(List<UpdateAction> actions, boolean fromAttributeUpdates) {

    /** What DynamoDB charges an update above its item, in bytes (see {@link #sizeOverhead()}). */
    private static final int UPDATE_BYTES = 3;
    private static final int WRITE_BYTES = 19;
    private static final int CLEAR_BYTES = 2;

    public Update {
        actions = List.copyOf(actions);
    }

    /** The paths the actions write or remove, in order. */
    public List<Path> paths() {
        List<Path> paths = new ArrayList<>(actions.size());
        for (UpdateAction a : actions) {
            paths.add(a.path());
        }
        return paths;
    }

    /** The top-level attributes the actions touch, in order. */
    public Set<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        for (UpdateAction a : actions) {
            names.add(a.path().attribute());
        }
        return names;
    }

    /**
     * The bytes DynamoDB adds to an updated item when it holds a standalone {@code UpdateItem} to
     * the 400 KB limit: 3 for the update, 19 for each action that writes a value ({@code SET},
     * {@code ADD}; legacy {@code PUT}, {@code ADD}), 2 for each that clears one ({@code REMOVE},
     * {@code DELETE}). DynamoDB measures such an update without its key attributes but with this
     * overhead, so an item {@code PutItem} accepts may be out of an update's reach. Updates inside
     * a transaction are not charged it.
     */
    public int sizeOverhead() {
        int bytes = UPDATE_BYTES;
        for (UpdateAction a : actions) {
            bytes += a instanceof UpdateAction.Set || a instanceof UpdateAction.Add ? WRITE_BYTES : CLEAR_BYTES;
        }
        return bytes;
    }
}
