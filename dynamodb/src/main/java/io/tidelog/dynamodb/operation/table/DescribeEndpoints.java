package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import java.io.IOException;

/**
 * DescribeEndpoints: DynamoDB's regional endpoint for the service's region, cached for a day, as
 * DynamoDB answers. SDKs consult it only for endpoint discovery, which they leave off when given
 * an explicit endpoint such as this service's.
 */
public final class DescribeEndpoints implements Operation {
    static final int CACHE_PERIOD_MINUTES = 1440;

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        JsonGenerator g = out.json();
        g.writeArrayFieldStart("Endpoints");
        g.writeStartObject();
        g.writeStringField("Address", "dynamodb." + c.options().region() + ".amazonaws.com");
        g.writeNumberField("CachePeriodInMinutes", CACHE_PERIOD_MINUTES);
        g.writeEndObject();
        g.writeEndArray();
    }
}
