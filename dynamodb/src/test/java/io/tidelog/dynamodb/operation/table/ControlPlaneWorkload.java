package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.Durability;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;

/**
 * The child process of {@link ControlPlaneCrashTest}: creates tables with indexes, a stream and
 * tags, fills them, adds a GSI (backfilled), and deletes older tables, in ASYNC durability (a
 * process crash keeps what was written to the operating system),
 * printing a line after each acknowledged call, until it is killed.
 *
 * <p>Arguments: the store directory and a run tag that makes table names unique across runs.
 */
public final class ControlPlaneWorkload {
    static final int ITEMS = 20;

    private ControlPlaneWorkload() {}

    static String table(String run, int i) {
        return "T" + run + "x" + i;
    }

    static String createBody(String name) {
        return TableFixtures.PPR.replace("\"Ppr\"", "\"" + name + "\"")
                .replace("\"DeletionProtectionEnabled\":true", "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]");
    }

    static String indexBody(String name) {
        return "{\"TableName\":\"" + name + "\",\"AttributeDefinitions\":[{\"AttributeName\":\"h\","
                + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\","
                + "\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{"
                + "\"ProjectionType\":\"ALL\"}}}]}";
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String run = args[1];
        LocalDynamoDb db = LocalDynamoDb.open(dir, TidelogOptions.builder().durability(Durability.ASYNC).build(),
                ServiceOptions.defaults());
        for (int i = 0; ; i++) {
            String name = table(run, i);
            db.call("CreateTable", createBody(name));
            System.out.println("CREATED " + name);
            for (int j = 0; j < ITEMS; j++) {
                db.store(name, "{\"pk\":{\"S\":\"p" + j + "\"},\"sk\":{\"S\":\"s\"},\"g\":{\"S\":\"g" + (j % 4)
                        + "\"},\"l\":{\"N\":\"" + j + "\"}" + (j % 3 == 0 ? "" : ",\"h\":{\"S\":\"h" + j + "\"}") + "}");
            }
            System.out.println("FILLED " + name);
            db.call("UpdateTable", indexBody(name));
            System.out.println("INDEXED " + name);
            if (i >= 2) {
                db.call("DeleteTable", "{\"TableName\":\"" + table(run, i - 2) + "\"}");
                System.out.println("DELETED " + table(run, i - 2));
            }
            System.out.flush();
        }
    }
}
