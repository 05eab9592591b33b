package io.tidelog.dynamodb.expression.syntax;

import java.util.List;

/**
 * An update expression as parsed: its actions in the order written (clause by clause) and the
 * faults found in its text.
 */
public record ParsedUpdate(List<Action> actions, Faults faults) {

    public enum Clause { SET, REMOVE, ADD, DELETE }

    /**
     * One action of a clause.
     *
     * @param value the value set ({@code SET}), the value node ({@code ADD}, {@code DELETE}), or
     *              null ({@code REMOVE})
     */
    public record Action(Clause clause, Node.PathNode path, Node value) {}

    public ParsedUpdate {
        actions = List.copyOf(actions);
    }
}
