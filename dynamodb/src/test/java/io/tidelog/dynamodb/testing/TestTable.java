package io.tidelog.dynamodb.testing;

import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.table.Projection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table definition for tests, created straight in the backend's catalog in the shapes the
 * DynamoDB layer reads ({@link CatalogFormat}): key, GSIs, LSIs and an optional stream.
 *
 * <pre>
 * TestTable.named("Orders").hash("pk", "S").range("sk", "N")
 *     .gsi("byStatus", "status", "S", null, null, Projection.ALL)
 *     .stream("NEW_AND_OLD_IMAGES").create(backend);
 * </pre>
 */
public final class TestTable {
    /** The stream label of every test stream; its shard id follows from it. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private final String name;
    private KeyAttribute hash;
    private KeyAttribute range;
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Index> gsis = new ArrayList<>();
    private final List<Index> lsis = new ArrayList<>();
    private String streamViewType;

    private record Index(String name, KeySchema key, Projection projection) {}

    private TestTable(String name) {
        this.name = name;
    }

    public static TestTable named(String name) {
        return new TestTable(name);
    }

    public TestTable hash(String attribute, String type) {
        hash = new KeyAttribute(attribute, type);
        types.put(attribute, type);
        return this;
    }

    public TestTable range(String attribute, String type) {
        range = new KeyAttribute(attribute, type);
        types.put(attribute, type);
        return this;
    }

    /** A GSI; {@code sortAttribute} null for none. INCLUDE projections name {@code include}. */
    public TestTable gsi(String index, String hashAttribute, String hashType, String sortAttribute, String sortType,
            String projection, String... include) {
        types.put(hashAttribute, hashType);
        KeyAttribute sort = null;
        if (sortAttribute != null) {
            types.put(sortAttribute, sortType);
            sort = new KeyAttribute(sortAttribute, sortType);
        }
        gsis.add(new Index(index, new KeySchema(new KeyAttribute(hashAttribute, hashType), sort),
                new Projection(projection, List.of(include))));
        return this;
    }

    /** An LSI on the table's partition key and {@code sortAttribute}. */
    public TestTable lsi(String index, String sortAttribute, String sortType, String projection, String... include) {
        types.put(sortAttribute, sortType);
        lsis.add(new Index(index, new KeySchema(hash, new KeyAttribute(sortAttribute, sortType)),
                new Projection(projection, List.of(include))));
        return this;
    }

    public TestTable stream(String viewType) {
        streamViewType = viewType;
        return this;
    }

    public String name() {
        return name;
    }

    public TestTable create(StorageBackend backend) {
        backend.insertTableMetadata(new CreateTableMetadata(name,
                CatalogFormat.write(CatalogFormat.keySchema(new KeySchema(hash, range))),
                CatalogFormat.write(CatalogFormat.attributeDefinitions(types)),
                indexes(gsis), indexes(lsis), null, 0, null, null, false, "PAY_PER_REQUEST", null));
        backend.createDataTable(name);
        for (Index i : gsis) {
            backend.createGsiTable(name, i.name);
        }
        for (Index i : lsis) {
            backend.createLsiTable(name, i.name);
        }
        if (streamViewType != null) {
            backend.enableStream(name, streamViewType, STREAM_LABEL);
        }
        return this;
    }

    private static String indexes(List<Index> indexes) {
        if (indexes.isEmpty()) {
            return null;
        }
        var array = CatalogFormat.array();
        for (Index i : indexes) {
            var o = array.addObject();
            o.put("IndexName", i.name);
            o.set("KeySchema", CatalogFormat.keySchema(i.key));
            o.set("Projection", CatalogFormat.projection(i.projection));
        }
        return CatalogFormat.write(array);
    }
}
