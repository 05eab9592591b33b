package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.ServerSideEncryption;
import java.util.List;
import java.util.UUID;

/**
 * A request's {@code SSESpecification}. Encryption with DynamoDB's own key (the default, or
 * {@code Enabled: false}) is stored as none; {@code Enabled: true} means a KMS key: the one named,
 * or the account's key for DynamoDB, given a fixed id when the table is created so that its ARN
 * stays the same across describes.
 *
 * @param present whether the request had the member at all
 * @param kms     the KMS encryption asked for, or null for DynamoDB's own key
 */
record Encryption(boolean present, ServerSideEncryption kms) {
    static final List<String> SSE_TYPES = List.of("AES256", "KMS");

    static Encryption read(Request r, ConstraintViolations v) {
        Request spec = r.structure("SSESpecification");
        if (spec == null) {
            return new Encryption(false, null);
        }
        Boolean enabled = spec.bool("Enabled");
        String type = DefinitionReader.oneOf(spec, "SSEType", "sSESpecification.sSEType", SSE_TYPES, v);
        String key = spec.string("KMSMasterKeyId");
        if (!Boolean.TRUE.equals(enabled)) {
            return new Encryption(true, null);
        }
        return new Encryption(true, new ServerSideEncryption(type == null ? "KMS" : type, key));
    }

    /** DynamoDB's rules on the specification, once its shape is valid. */
    static void check(Request r) {
        Request spec = r.structure("SSESpecification");
        if (spec == null) {
            return;
        }
        boolean enabled = Boolean.TRUE.equals(spec.bool("Enabled"));
        String type = spec.string("SSEType");
        String key = spec.string("KMSMasterKeyId");
        if (!enabled && type != null) {
            throw Errors.sseTypeWithoutEncryption();
        }
        if (!enabled && key != null) {
            throw Errors.kmsKeyWithoutEncryption();
        }
        if ("AES256".equals(type)) {
            throw Errors.aes256NotSupported();
        }
        if (key != null && type == null) {
            throw Errors.kmsKeyNeedsKmsType();
        }
    }

    /** The KMS encryption to store: the key named (as an ARN), or a fresh key id of the account. */
    ServerSideEncryption resolved(Arns arns) {
        if (kms == null) {
            return null;
        }
        String key = kms.kmsMasterKeyArn();
        if (key == null) {
            key = UUID.randomUUID().toString();
        }
        if (!key.startsWith("arn:")) {
            key = "arn:aws:kms:" + arns.region() + ":" + arns.accountId() + ":key/" + key;
        }
        return new ServerSideEncryption("KMS", key);
    }
}
