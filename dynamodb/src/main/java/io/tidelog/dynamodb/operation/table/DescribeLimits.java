package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;

/**
 * DescribeLimits: DynamoDB's default capacity quotas of an account in a region (80,000 read and
 * write capacity units for the account, 40,000 for one table), as a new account gets them.
 */
public final class DescribeLimits implements Operation {
    static final long ACCOUNT_MAX_UNITS = 80_000;
    static final long TABLE_MAX_UNITS = 40_000;

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) {
        out.number("AccountMaxReadCapacityUnits", ACCOUNT_MAX_UNITS);
        out.number("AccountMaxWriteCapacityUnits", ACCOUNT_MAX_UNITS);
        out.number("TableMaxReadCapacityUnits", TABLE_MAX_UNITS);
        out.number("TableMaxWriteCapacityUnits", TABLE_MAX_UNITS);
    }
}
