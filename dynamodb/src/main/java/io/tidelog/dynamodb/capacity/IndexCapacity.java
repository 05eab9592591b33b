package io.tidelog.dynamodb.capacity;

import io.tidelog.dynamodb.item.IndexEntries;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The write units one secondary index consumes for one item write. DynamoDB charges an index
 * for the change to what it stores, sized on the index entry (the projected attributes), never
 * on the base item:
 *
 * <pre>
 * before    after                              units
 * none      none                               none (the index is not reported)
 * none      entry                              write(after)
 * entry     none                               write(before)
 * entry     entry, same place, same contents   none
 * entry     entry, same place, other contents  max(write(before), write(after))
 * entry     entry, other place (key moved)     write(before) + write(after)
 * </pre>
 *
 * Sets are unordered, so listing a set's members in another order changes nothing.
 */
public final class IndexCapacity {
    private IndexCapacity() {}

    /** The units, or null when the index's stored view did not change. */
    public static Double units(TableSchema table, SecondaryIndex index, ItemKey key, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        IndexEntries.Entry old = before == null ? null : IndexEntries.entry(table, index, key, before);
        IndexEntries.Entry now = after == null ? null : IndexEntries.entry(table, index, key, after);
        if (old == null && now == null) {
            return null;
        }
        if (old == null) {
            return CapacityUnits.write(ItemSize.of(now.projected()));
        }
        if (now == null) {
            return CapacityUnits.write(ItemSize.of(old.projected()));
        }
        double oldUnits = CapacityUnits.write(ItemSize.of(old.projected()));
        double newUnits = CapacityUnits.write(ItemSize.of(now.projected()));
        if (!old.samePlace(now)) {
            return oldUnits + newUnits;
        }
        if (sameAttributes(old.projected(), now.projected())) {
            return null;
        }
        return Math.max(oldUnits, newUnits);
    }

    static boolean sameAttributes(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            AttributeValue other = b.get(e.getKey());
            if (other == null || !sameValue(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.SS x && b instanceof AttributeValue.SS y) {
            return sameMembers(x.values(), y.values());
        } else if (a instanceof AttributeValue.NS x && b instanceof AttributeValue.NS y) {
            return sameMembers(x.values(), y.values());
        } else if (a instanceof AttributeValue.BS x && b instanceof AttributeValue.BS y) {
            if (x.values().size() != y.values().size()) {
                return false;
            }
            for (byte[] member : x.values()) {
                if (!y.contains(member)) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof AttributeValue.L x && b instanceof AttributeValue.L y) {
            if (x.values().size() != y.values().size()) {
                return false;
            }
            for (int i = 0; i < x.values().size(); i++) {
                if (!sameValue(x.values().get(i), y.values().get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof AttributeValue.M x && b instanceof AttributeValue.M y) {
            return sameAttributes(x.values(), y.values());
        }
        return a.equals(b);
    }

    private static boolean sameMembers(List<String> x, List<String> y) {
        return x.size() == y.size() && new HashSet<>(x).equals(new HashSet<>(y));
    }
}
