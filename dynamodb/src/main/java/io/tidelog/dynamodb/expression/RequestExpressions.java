package io.tidelog.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.syntax.ParsedCondition;
import io.tidelog.dynamodb.expression.syntax.SyntaxError;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;
import java.util.function.Function;

/**
 * The expressions of one request, validated as DynamoDB validates them and bound to the
 * request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}: the entry
 * point for operations.
 *
 * <h2>Using it in an operation</h2>
 * <pre>{@code
 * ExpressionParameters.UPDATE_ITEM.check(request);     // among the first checks: no mixing with legacy ones
 * ... validate the key ...
 * RequestExpressions expressions = RequestExpressions.from(request, ExpressionParameters.UPDATE_ITEM);
 * Update update = expressions.update();                // null when the request has none
 * Condition condition = expressions.condition();       // null when the request has none
 * ... look up the table (DynamoDB validates the expressions first) ...
 * KeyAttributeChecks.requireKeyNotUpdated(update, table.key());
 * KeyAttributeChecks.requireScalarKeyAccess(ExpressionPaths.of(update), table.key(), indexKeyAttributes);
 * ... lock, read the item (an empty map if there is none) ...
 * if (condition != null && !ConditionEvaluator.matches(condition, item)) { conditional check failed }
 * UpdateOutcome outcome = UpdateEvaluator.apply(update, item.isEmpty() ? key : item);
 * outcome.requireWithinSizeLimit(table.key(), true); // false inside a transaction
 * }</pre>
 * A query reads {@link #keyCondition()} and fits it to the key schema it queries with
 * {@link KeyCondition#against}, which yields the backend's key strings; it filters with
 * {@link ConditionEvaluator} and projects with {@link ProjectionEvaluator}. Requests that use
 * the legacy parameters get the same trees from {@code io.tidelog.dynamodb.expression.legacy}.
 *
 * <h2>What binding checks, in DynamoDB's order</h2>
 * <ol>
 *   <li>{@code ExpressionAttributeNames}: not empty, every key {@code #} and name characters.</li>
 *   <li>{@code ExpressionAttributeValues}: not empty, every key {@code :} and name characters,
 *       then every value ({@code ExpressionAttributeValues contains invalid value: … for key
 *       :v}).</li>
 *   <li>Each expression given, in the order update, condition, key condition, filter,
 *       projection: not empty, at most 4096 bytes, well formed ({@code Syntax error; token: …,
 *       near: …}), then its own checks: reserved words, functions, undefined names and values,
 *       operand counts and types, overlapping paths (see the binders' comments).</li>
 *   <li>Names, then values, that no expression used ({@code Value provided in
 *       ExpressionAttributeNames unused in expressions: keys: {#a, #b}}), across all the
 *       request's expressions, listed in sorted order.</li>
 *   <li>The key condition's shape: only {@code AND}, one condition per key attribute, one or
 *       two in all ({@code Invalid operator used in KeyConditionExpression: OR}, ...).</li>
 * </ol>
 * The first failure is raised as a {@link io.tidelog.dynamodb.error.DynamoDbException}; nothing
 * here needs the table, so an operation may bind before or after looking it up, as DynamoDB's
 * order for that operation requires. What does need the table is left to the operation:
 * {@link KeyCondition#against}, {@link KeyAttributeChecks}.
 *
 * <p>Parsing goes through an {@link ExpressionCache}, the {@linkplain ExpressionCache#shared()
 * shared} one unless the caller names another; the bound trees are immutable and belong to this
 * request only. An instance is immutable; its builder is not thread-safe.
 */
public final class RequestExpressions {
    private final Update update;
    private final Condition condition;
    private final KeyCondition keyCondition;
    private final Condition filter;
    private final Projection projection;

    private RequestExpressions(Update update, Condition condition, KeyCondition keyCondition, Condition filter,
            Projection projection) {
        this.update = update;
        this.condition = condition;
        this.keyCondition = keyCondition;
        this.filter = filter;
        this.projection = projection;
    }

    /**
     * Reads and binds the expressions of an operation's request (or of a structure within one,
     * such as an action of a transaction): those of {@code parameters}' expression members the
     * request has, its {@code ExpressionAttributeNames}, and its {@code ExpressionAttributeValues}
     * when the operation has an expression that can use values (other members are not the
     * operation's and DynamoDB ignores them). Members of the wrong JSON type get DynamoDB's
     * {@code SerializationException}.
     */
    public static RequestExpressions from(Request request, ExpressionParameters parameters) {
        return from(request, parameters, ExpressionCache.shared());
    }

    public static RequestExpressions from(Request request, ExpressionParameters parameters, ExpressionCache cache) {
        Builder b = builder(cache).names(request.stringMap("ExpressionAttributeNames"));
        if (parameters.takesValues()) {
            Request values = request.structure("ExpressionAttributeValues");
            b.values(values == null ? null : values.node());
        }
        return b.update(member(request, parameters, "UpdateExpression"))
                .condition(member(request, parameters, "ConditionExpression"))
                .keyCondition(member(request, parameters, "KeyConditionExpression"))
                .filter(member(request, parameters, "FilterExpression"))
                .projection(member(request, parameters, "ProjectionExpression"))
                .bind();
    }

    private static String member(Request request, ExpressionParameters parameters, String name) {
        return parameters.has(name) ? request.string(name) : null;
    }

    public static Builder builder() {
        return new Builder(ExpressionCache.shared());
    }

    public static Builder builder(ExpressionCache cache) {
        return new Builder(cache);
    }

    /** The {@code UpdateExpression}, or null. */
    public Update update() {
        return update;
    }

    /** The {@code ConditionExpression}, or null. Decide it against the item, or an empty map when there is none. */
    public Condition condition() {
        return condition;
    }

    /** The {@code KeyConditionExpression}, or null. */
    public KeyCondition keyCondition() {
        return keyCondition;
    }

    /** The {@code FilterExpression}, or null. */
    public Condition filter() {
        return filter;
    }

    /** The {@code ProjectionExpression}, or null. */
    public Projection projection() {
        return projection;
    }

    /** Collects a request's expressions and their names and values; {@link #bind()} validates them. */
    public static final class Builder {
        private final ExpressionCache cache;
        private Map<String, String> names;
        private JsonNode valuesJson;
        private Map<String, AttributeValue> values;
        private String update;
        private String condition;
        private String keyCondition;
        private String filter;
        private String projection;

        private Builder(ExpressionCache cache) {
            this.cache = cache;
        }

        /** {@code ExpressionAttributeNames}, or null when the request has none. */
        public Builder names(Map<String, String> names) {
            this.names = names;
            return this;
        }

        /** {@code ExpressionAttributeValues} as the request's JSON (an object), or null. */
        public Builder values(JsonNode values) {
            this.valuesJson = values;
            this.values = null;
            return this;
        }

        /** {@code ExpressionAttributeValues} already read and validated as values, or null. */
        public Builder values(Map<String, AttributeValue> values) {
            this.values = values;
            this.valuesJson = null;
            return this;
        }

        public Builder update(String expression) {
            this.update = expression;
            return this;
        }

        public Builder condition(String expression) {
            this.condition = expression;
            return this;
        }

        public Builder keyCondition(String expression) {
            this.keyCondition = expression;
            return this;
        }

        public Builder filter(String expression) {
            this.filter = expression;
            return this;
        }

        public Builder projection(String expression) {
            this.projection = expression;
            return this;
        }

        /**
         * Validates everything given, in DynamoDB's order (see {@link RequestExpressions}).
         *
         * @throws io.tidelog.dynamodb.error.DynamoDbException the first failure, with DynamoDB's
         *         message
         */
        public RequestExpressions bind() {
            Bindings bindings = Bindings.read(names, valuesJson, values);
            Update boundUpdate = update == null ? null
                    : UpdateBinder.bind(parse(ExpressionKind.UPDATE, update, cache::update), bindings);
            Condition boundCondition = condition == null ? null
                    : ConditionBinder.bind(parse(ExpressionKind.CONDITION, condition, cache::condition),
                            ExpressionKind.CONDITION, bindings);
            ParsedCondition parsedKey = null;
            if (keyCondition != null) {
                parsedKey = parse(ExpressionKind.KEY_CONDITION, keyCondition, cache::condition);
                ConditionBinder.bind(parsedKey, ExpressionKind.KEY_CONDITION, bindings);
            }
            Condition boundFilter = filter == null ? null
                    : ConditionBinder.bind(parse(ExpressionKind.FILTER, filter, cache::condition),
                            ExpressionKind.FILTER, bindings);
            Projection boundProjection = projection == null ? null
                    : ProjectionBinder.bind(parse(ExpressionKind.PROJECTION, projection, cache::projection), bindings);
            bindings.requireAllUsed();
            KeyCondition boundKey = parsedKey == null ? null : KeyConditionShape.of(parsedKey.root(), bindings);
            return new RequestExpressions(boundUpdate, boundCondition, boundKey, boundFilter, boundProjection);
        }

        private static <T> T parse(ExpressionKind kind, String text, Function<String, T> parser) {
            if (text.isEmpty()) {
                throw ExpressionErrors.empty(kind.parameter());
            }
            int bytes = ItemSize.utf8Length(text);
            if (bytes > ExpressionKind.MAX_BYTES) {
                throw ExpressionErrors.tooLarge(kind.parameter(), bytes);
            }
            try {
                return parser.apply(text);
            } catch (SyntaxError e) {
                throw ExpressionErrors.syntax(kind.parameter(), e.token(), e.near());
            }
        }
    }
}
