package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import java.io.IOException;

/**
 * One operation of the DynamoDB API. An operation validates its request, reads, decides and
 * writes through the {@link Context}, and writes its reply's members into the response; any
 * failure is raised as a {@link io.tidelog.dynamodb.error.DynamoDbException} with DynamoDB's
 * error and message, and the partly written response is discarded.
 *
 * <p>Implementations are stateless and shared by all calls.
 */
public interface Operation {

    /** Whether the operation changes state; such operations are refused on past states. */
    boolean writes();

    void execute(Request request, Response response, Context context) throws IOException;
}
