package io.tidelog.dynamodb;

import io.tidelog.backend.Audit;
import io.tidelog.backend.BackendException;
import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorReplies;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.Operations;
import io.tidelog.dynamodb.table.TableCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The DynamoDB API over a Tidelog store: takes a {@link Call} (an operation and its JSON
 * request) and gives the {@link Reply} DynamoDB would, with the same response shapes, errors
 * and limits. It knows nothing of HTTP; the server and the in-process client hand it calls.
 *
 * <p>Threading: {@link #handle} may be called from any number of threads at once, and blocks
 * while the store works (a SYNC write waits for its fsync). Callers on an event loop hand calls
 * to worker threads.
 *
 * <p>The service does not own the backend: close the service, then the backend.
 */
public final class DynamoDbService implements AutoCloseable {
    private final StorageBackend backend;
    private final ServiceOptions options;
    private final TableCatalog tables;
    private final ItemLocks locks = new ItemLocks();
    private final Operations operations = new Operations();

    private DynamoDbService(StorageBackend backend, ServiceOptions options) {
        this.backend = backend;
        this.options = options;
        this.tables = new TableCatalog(backend);
    }

    public static DynamoDbService open(StorageBackend backend) {
        return open(backend, ServiceOptions.defaults());
    }

    public static DynamoDbService open(StorageBackend backend, ServiceOptions options) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(options, "options");
        return new DynamoDbService(backend, options);
    }

    public Reply handle(Call call) {
        Operation op = operations.forTarget(call.target());
        if (op == null) {
            return error(Errors.unknownOperation(), -1);
        }
        Context context = new Context(backend, tables, locks, options, call.identity());
        try {
            if (call.body().length == 0) {
                throw Errors.serialization(null);
            }
            Request request = Request.parse(call.body());
            Response response = new Response();
            if (call.identity() != null) {
                Audit.as(call.identity(), () -> execute(op, request, response, context));
            } else {
                execute(op, request, response, context);
            }
            return new Reply(200, response.finish(), null, context.sequence());
        } catch (DynamoDbException e) {
            return error(e, context.sequence());
        } catch (BackendException e) {
            return error(translate(e), context.sequence());
        } catch (RuntimeException e) {
            return error(Errors.internal("Internal server error: " + e), context.sequence());
        }
    }

    private static void execute(Operation op, Request request, Response response, Context context) {
        try {
            op.execute(request, response, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DynamoDbException translate(BackendException e) {
        return switch (e.kind()) {
            case VALIDATION -> Errors.validation(e.getMessage());
            default -> Errors.internal("Internal server error: " + e.getMessage());
        };
    }

    private Reply error(DynamoDbException e, long sequence) {
        return new Reply(e.code().status(), ErrorReplies.body(e), e.code().typeName(),
                sequence >= 0 ? sequence : backend.lastSequence());
    }

    @Override
    public void close() {
        // Nothing runs in the background yet; the TTL sweeper will stop here.
    }
}
