package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.Errors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's rules on a table definition once its shape is valid: a key schema against its
 * attribute definitions, the local and global secondary indexes, projections and their limits.
 * Each check raises the first broken rule, with DynamoDB's message; callers run them in
 * DynamoDB's order.
 */
final class DefinitionRules {
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;
    /** NonKeyAttributes summed over all of a table's indexes. */
    static final int MAX_PROJECTED_ATTRIBUTES = 100;

    private DefinitionRules() {}

    /**
     * The table's key attributes must all be defined. DynamoDB names the missing attributes only
     * for a one-element key schema with some definitions; otherwise it gives a generic message.
     */
    static void keysDefined(List<KeyElement> keys, List<AttributeDefinition> definitions) {
        List<String> names = names(definitions);
        List<String> missing = new ArrayList<>();
        for (KeyElement k : keys) {
            if (!names.contains(k.attributeName())) {
                missing.add(k.attributeName());
            }
        }
        boolean sameNames = keys.size() == 2 && keys.get(0).attributeName().equals(keys.get(1).attributeName());
        if (missing.isEmpty()) {
            if (sameNames) {
                throw Errors.keyAttributeWithoutDefinition();
            }
            return;
        }
        if (definitions.isEmpty() || keys.size() >= 2) {
            throw Errors.keyAttributeWithoutDefinition();
        }
        throw Errors.keyAttributesNotDefined(missing, names);
    }

    /** HASH first, then an optional RANGE with another name. */
    static void keyStructure(List<KeyElement> keys) {
        if (!keys.get(0).isHash()) {
            throw Errors.firstKeyNotHash();
        }
        if (keys.size() == 2 && keys.get(0).attributeName().equals(keys.get(1).attributeName())) {
            throw Errors.hashAndRangeKeySameName();
        }
        if (keys.size() == 2 && !keys.get(1).isRange()) {
            throw Errors.secondKeyNotRange();
        }
    }

    static void localIndexes(List<IndexDefinition> indexes, List<KeyElement> tableKeys,
            List<AttributeDefinition> definitions) {
        KeyElement tableRange = tableKeys.size() == 2 ? tableKeys.get(1) : null;
        if (tableRange == null) {
            throw Errors.localIndexWithoutTableRangeKey();
        }
        indexKeysDefined(indexes, definitions);
        String tableHash = tableKeys.get(0).attributeName();
        for (IndexDefinition i : indexes) {
            keyStructure(i.keySchema());
            if (i.range() == null) {
                throw Errors.indexWithoutRangeKey(i.name());
            }
            String indexHash = i.hash().attributeName();
            if (!indexHash.equals(tableHash)) {
                throw Errors.indexHashKeyDiffers(i.name(), indexHash, tableHash);
            }
            projection(i);
        }
        uniqueNames(indexes);
        if (indexes.size() > MAX_LOCAL_INDEXES) {
            throw Errors.tooManyLocalIndexes();
        }
    }

    static void globalIndexes(List<IndexDefinition> indexes, List<AttributeDefinition> definitions,
            boolean payPerRequest) {
        indexKeysDefined(indexes, definitions);
        for (IndexDefinition i : indexes) {
            keyStructure(i.keySchema());
            projection(i);
        }
        uniqueNames(indexes);
        if (indexes.size() > MAX_GLOBAL_INDEXES) {
            throw Errors.tooManyGlobalIndexes();
        }
        for (IndexDefinition i : indexes) {
            if (payPerRequest && i.capacity() != null) {
                throw Errors.indexThroughputWithPayPerRequest(i.name());
            }
            if (!payPerRequest && i.capacity() == null) {
                throw Errors.indexThroughputMissing(i.name());
            }
        }
    }

    /** Every key attribute of the indexes must be defined; the message lists all their key attributes. */
    private static void indexKeysDefined(List<IndexDefinition> indexes, List<AttributeDefinition> definitions) {
        List<String> names = names(definitions);
        Set<String> all = new LinkedHashSet<>();
        boolean missing = false;
        for (IndexDefinition i : indexes) {
            for (KeyElement k : i.keySchema()) {
                all.add(k.attributeName());
                missing |= !names.contains(k.attributeName());
            }
        }
        if (missing) {
            throw Errors.keyAttributesNotDefined(new ArrayList<>(all), names);
        }
    }

    /** The projection's type and non-key attributes must agree. */
    static void projection(IndexDefinition i) {
        String type = i.projectionType();
        if (type == null) {
            throw Errors.projectionTypeMissing();
        }
        List<String> nonKey = i.nonKeyAttributes();
        if (!type.equals("INCLUDE")) {
            if (nonKey != null) {
                throw Errors.nonKeyAttributesNotAllowed(type);
            }
            return;
        }
        if (nonKey == null) {
            throw Errors.nonKeyAttributesMissing();
        }
        Set<String> seen = new HashSet<>();
        for (String a : nonKey) {
            if (!seen.add(a)) {
                throw Errors.duplicateNonKeyAttribute(a);
            }
        }
    }

    private static void uniqueNames(List<IndexDefinition> indexes) {
        Set<String> seen = new HashSet<>();
        for (IndexDefinition i : indexes) {
            if (!seen.add(i.name())) {
                throw Errors.duplicateIndexName(i.name());
            }
        }
    }

    /** A GSI may not share its name with an LSI. */
    static void distinctAcrossKinds(List<IndexDefinition> locals, List<IndexDefinition> globals) {
        Set<String> names = new HashSet<>();
        for (IndexDefinition i : locals) {
            names.add(i.name());
        }
        for (IndexDefinition i : globals) {
            if (!names.add(i.name())) {
                throw Errors.duplicateIndexName(i.name());
            }
        }
    }

    /** At most 100 non-key attributes summed over all indexes (one projected twice counts twice). */
    static void projectedAttributes(int alreadyProjected, List<IndexDefinition> indexes) {
        int total = alreadyProjected;
        for (IndexDefinition i : indexes) {
            if (i.nonKeyAttributes() != null) {
                total += i.nonKeyAttributes().size();
            }
        }
        if (total > MAX_PROJECTED_ATTRIBUTES) {
            throw Errors.tooManyProjectedAttributes();
        }
    }

    /** Exactly the key attributes of the table and its indexes are defined. */
    static void definitionsMatchKeys(List<KeyElement> tableKeys, List<AttributeDefinition> definitions,
            List<IndexDefinition> indexes) {
        Set<String> used = new HashSet<>();
        for (KeyElement k : tableKeys) {
            used.add(k.attributeName());
        }
        for (IndexDefinition i : indexes) {
            for (KeyElement k : i.keySchema()) {
                used.add(k.attributeName());
            }
        }
        if (definitions.size() != used.size()) {
            throw Errors.attributeDefinitionCountMismatch();
        }
    }

    static List<String> names(List<AttributeDefinition> definitions) {
        List<String> out = new ArrayList<>(definitions.size());
        for (AttributeDefinition d : definitions) {
            out.add(d.name());
        }
        return out;
    }
}
