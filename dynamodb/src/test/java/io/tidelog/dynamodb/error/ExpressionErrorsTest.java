package io.tidelog.dynamodb.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The messages the expression package builds for operations rather than raising itself. */
class ExpressionErrorsTest {

    @Test
    void messagesForOperations() {
        assertEquals("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
                ExpressionErrors.keyConditionRequired().getMessage());
        assertEquals("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
                ExpressionErrors.filterOnKeyAttribute("QueryFilter", "sk").getMessage());
        assertEquals(ErrorCode.VALIDATION, ExpressionErrors.updatedItemTooLarge().code());
        assertEquals(ErrorCode.VALIDATION, LegacyErrors.typeMismatch().code());
    }
}
