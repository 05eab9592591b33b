package io.tidelog.dynamodb.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintViolationsTest {

    @Test
    void oneFailureAndSeveral() {
        ConstraintViolations v = new ConstraintViolations();
        v.throwIfAny();
        v.oneOf("billingMode", "X", List.of("PROVISIONED", "PAY_PER_REQUEST"));
        assertEquals("1 validation error detected: Value 'X' at 'billingMode' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
                assertThrows(DynamoDbException.class, v::throwIfAny).getMessage());
        v.notNull("keySchema").minValue("limit", "0", 1).maxValue("limit", "101", 100);
        assertEquals("4 validation errors detected: Value 'X' at 'billingMode' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; Value null at 'keySchema' failed to "
                + "satisfy constraint: Member must not be null; Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1; Value '101' at 'limit' failed to satisfy "
                + "constraint: Member must have value less than or equal to 100",
                assertThrows(DynamoDbException.class, v::throwIfAny).getMessage());
    }

    @Test
    void atMostTenAreReported() {
        ConstraintViolations v = new ConstraintViolations();
        for (int i = 1; i <= 12; i++) {
            v.notNull("m" + i);
        }
        String message = assertThrows(DynamoDbException.class, v::throwIfAny).getMessage();
        assertEquals(12, v.size());
        assertEquals(true, message.startsWith("10 validation errors detected: Value null at 'm1'"));
        assertEquals(true, message.endsWith("Value null at 'm10' failed to satisfy constraint: Member must not be null"));
    }
}
