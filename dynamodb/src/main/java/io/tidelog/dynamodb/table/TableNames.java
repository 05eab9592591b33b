package io.tidelog.dynamodb.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;

/**
 * DynamoDB's rules for table and index names: 3 to 255 characters of {@code [a-zA-Z0-9_.-]}.
 * Operations word a broken rule differently, so each kind of operation has its own check:
 * CreateTable reports every broken rule in the constraint envelope, the operations on one
 * table's definition (DescribeTable, DeleteTable, UpdateTable, the TTL operations) report a
 * missing name and a bad length on their own before the pattern, and item operations only
 * require one character.
 */
public final class TableNames {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 255;

    private TableNames() {}

    public static boolean matchesPattern(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static boolean isValid(String name) {
        return name.length() >= MIN_LENGTH && name.length() <= MAX_LENGTH && matchesPattern(name);
    }

    /**
     * The check of DescribeTable, DeleteTable, UpdateTable and the TTL operations: a missing name,
     * then its length, each with a message of its own; then the pattern, in the envelope.
     */
    public static String requireForDefinition(String name) {
        if (name == null) {
            throw Errors.tableNameRequired();
        }
        if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            throw Errors.tableNameLength();
        }
        if (!matchesPattern(name)) {
            new ConstraintViolations().pattern("tableName", name, ConstraintViolations.NAME_PATTERN).throwIfAny();
        }
        return name;
    }

    /** CreateTable's check: every broken rule of a present name, in the envelope. */
    public static void checkForCreate(String name, ConstraintViolations violations) {
        if (!matchesPattern(name)) {
            violations.pattern("tableName", name, ConstraintViolations.NAME_PATTERN);
        }
        if (name.length() < MIN_LENGTH) {
            violations.minLength("tableName", name, MIN_LENGTH);
        }
        if (name.length() > MAX_LENGTH) {
            violations.maxLength("tableName", name, MAX_LENGTH);
        }
    }

    /**
     * The check of item operations (PutItem, GetItem, Query, ...): a null name is not null, an
     * empty one too short, any other must match the pattern and fit 255 characters.
     */
    public static void checkForItems(String name, String path, ConstraintViolations violations) {
        if (name == null) {
            violations.notNull(path);
            return;
        }
        if (name.isEmpty()) {
            violations.minLength(path, name, 1);
        } else if (!matchesPattern(name)) {
            violations.pattern(path, name, ConstraintViolations.NAME_PATTERN);
        }
        if (name.length() > MAX_LENGTH) {
            violations.maxLength(path, name, MAX_LENGTH);
        }
    }

    /** A table or index name's broken rules, at {@code path} (e.g. {@code globalSecondaryIndexes.1.member.indexName}). */
    public static void checkName(String name, String path, ConstraintViolations violations) {
        if (!matchesPattern(name)) {
            violations.pattern(path, name, ConstraintViolations.NAME_PATTERN);
        }
        if (name.length() < MIN_LENGTH) {
            violations.minLength(path, name, MIN_LENGTH);
        }
        if (name.length() > MAX_LENGTH) {
            violations.maxLength(path, name, MAX_LENGTH);
        }
    }
}
