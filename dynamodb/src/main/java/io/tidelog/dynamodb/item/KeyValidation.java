package io.tidelog.dynamodb.item;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ItemErrors;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;
import java.util.Objects;

/**
 * DynamoDB's rules for keys, in its order and words: the table's key attributes of an item or a
 * Key map (present, of the declared scalar type, not empty, at most 2048 bytes for the partition
 * key and 1024 for the sort key) and the secondary-index key attributes an item holds (of the
 * declared type and not empty when present; an absent one only keeps the item out of the index).
 *
 * <p>An item to be written ({@link #item}) names its problems ("Missing the key pk in the
 * item"); a Key map that addresses an item ({@link #key}) gets one answer for any mismatch,
 * "The provided key element does not match the schema". Empty key values are refused with the
 * same words either way.
 */
public final class KeyValidation {
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;

    private KeyValidation() {}

    /**
     * The keys of an item to be put (PutItem, a transaction's Put): the table's key attributes,
     * then its secondary-index key attributes. A key attribute of the wrong type is named.
     */
    public static void item(TableSchema table, Map<String, AttributeValue> item) {
        tableKeys(table.key(), item, true);
        indexKeys(table, item);
    }

    /**
     * As {@link #item}, for BatchWriteItem's puts, where DynamoDB answers a key attribute of the
     * wrong type with "The provided key element does not match the schema".
     */
    public static void batchItem(TableSchema table, Map<String, AttributeValue> item) {
        tableKeys(table.key(), item, false);
        indexKeys(table, item);
    }

    /**
     * A Key map addressing one item (GetItem, DeleteItem, UpdateItem, batch and transaction
     * keys): exactly the table's key attributes, of their declared types, not empty.
     */
    public static void key(TableSchema table, Map<String, AttributeValue> key) {
        KeySchema schema = table.key();
        if (key.size() != (schema.hasSort() ? 2 : 1)) {
            throw ItemErrors.keySchemaMismatch();
        }
        AttributeValue partition = key.get(schema.partition().name());
        if (partition == null) {
            throw ItemErrors.keySchemaMismatch();
        }
        keyValue(schema.partition(), partition, false);
        if (keyBytes(partition) > MAX_PARTITION_KEY_BYTES) {
            throw ItemErrors.partitionKeyTooLarge();
        }
        if (schema.hasSort()) {
            AttributeValue sort = key.get(schema.sort().name());
            if (sort == null) {
                throw ItemErrors.keySchemaMismatch();
            }
            keyValue(schema.sort(), sort, false);
            if (keyBytes(sort) > MAX_SORT_KEY_BYTES) {
                throw ItemErrors.sortKeyTooLarge();
            }
        }
    }

    /**
     * The secondary-index key attributes of an item to be put: each one present must have its
     * declared type and must not be empty. When several are wrong, DynamoDB names the index that
     * comes first by name.
     */
    public static void indexKeys(TableSchema table, Map<String, AttributeValue> item) {
        indexKeys(table, null, item);
    }

    /**
     * As {@link #indexKeys(TableSchema, Map)} for an update, which is only held to the index key
     * attributes it changed: an untouched value is never refused again. Empty values get the
     * update's wording, which names no index.
     */
    public static void updatedIndexKeys(TableSchema table, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        indexKeys(table, before, after);
    }

    private static void tableKeys(KeySchema schema, Map<String, AttributeValue> item, boolean nameTheType) {
        AttributeValue partition = item.get(schema.partition().name());
        if (partition == null) {
            throw ItemErrors.missingKey(schema.partition().name());
        }
        keyValue(schema.partition(), partition, nameTheType);
        if (keyBytes(partition) > MAX_PARTITION_KEY_BYTES) {
            throw ItemErrors.partitionKeyTooLarge();
        }
        if (schema.hasSort()) {
            AttributeValue sort = item.get(schema.sort().name());
            if (sort == null) {
                throw ItemErrors.missingKey(schema.sort().name());
            }
            keyValue(schema.sort(), sort, nameTheType);
            if (keyBytes(sort) > MAX_SORT_KEY_BYTES) {
                throw ItemErrors.sortKeyTooLarge();
            }
        }
    }

    private static void keyValue(KeyAttribute attribute, AttributeValue v, boolean nameTheType) {
        if (!v.type().equals(attribute.type())) {
            throw nameTheType ? ItemErrors.keyTypeMismatch(attribute.name(), attribute.type(), v.type())
                    : ItemErrors.keySchemaMismatch();
        }
        if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw ItemErrors.emptyKeyString(attribute.name());
        }
        if (v instanceof AttributeValue.B b && b.value().length == 0) {
            throw ItemErrors.emptyKeyBinary(attribute.name());
        }
    }

    /** The bytes a key value counts against its limit. */
    private static int keyBytes(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return ItemSize.utf8Length(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return n.value().length();
        } else if (v instanceof AttributeValue.B b) {
            return b.value().length;
        }
        return 0;
    }

    private static void indexKeys(TableSchema table, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        Violation first = null;
        for (SecondaryIndex index : table.indexes()) {
            // An LSI's partition key is the table's, already checked as a table key.
            if (index.global()) {
                first = earlier(first, violation(index, index.key().partition(), before, after));
            }
            if (index.key().hasSort()) {
                first = earlier(first, violation(index, index.key().sort(), before, after));
            }
        }
        if (first != null) {
            throw first.error(before != null);
        }
    }

    private static Violation violation(SecondaryIndex index, KeyAttribute attribute,
            Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        AttributeValue v = after.get(attribute.name());
        if (v == null || (before != null && Objects.equals(before.get(attribute.name()), v))) {
            return null;
        }
        if (!v.type().equals(attribute.type())) {
            return new Violation(index.name(), attribute, v.type(), Problem.TYPE);
        }
        if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
            return new Violation(index.name(), attribute, v.type(), Problem.EMPTY_STRING);
        }
        if (v instanceof AttributeValue.B b && b.value().length == 0) {
            return new Violation(index.name(), attribute, v.type(), Problem.EMPTY_BINARY);
        }
        return null;
    }

    /** The violation to report: the one of the index first by name, the first found on a tie. */
    private static Violation earlier(Violation a, Violation b) {
        if (a == null) {
            return b;
        }
        return b != null && b.index.compareTo(a.index) < 0 ? b : a;
    }

    private enum Problem { TYPE, EMPTY_STRING, EMPTY_BINARY }

    private record Violation(String index, KeyAttribute attribute, String actual, Problem problem) {
        DynamoDbException error(boolean update) {
            return switch (problem) {
                case TYPE -> ItemErrors.indexKeyTypeMismatch(attribute.name(), attribute.type(), actual, index);
                case EMPTY_STRING -> update ? ItemErrors.updatedIndexKeyEmptyString()
                        : ItemErrors.emptyIndexKeyString(index, attribute.name());
                case EMPTY_BINARY -> update ? ItemErrors.updatedIndexKeyEmptyBinary()
                        : ItemErrors.emptyIndexKeyBinary(index, attribute.name());
            };
        }
    }
}
