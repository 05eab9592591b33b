package io.tidelog.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.DynamoDbException;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void theNameRules() {
        assertTrue(TableNames.isValid("a.b-C_9"));
        assertFalse(TableNames.isValid("ab"));
        assertFalse(TableNames.isValid("a".repeat(256)));
        assertTrue(TableNames.isValid("a".repeat(255)));
        assertFalse(TableNames.isValid("tab le"));
        assertFalse(TableNames.isValid("tablé"));
    }

    private static String itemsMessage(String name) {
        ConstraintViolations v = new ConstraintViolations();
        TableNames.checkForItems(name, "tableName", v);
        DynamoDbException e = assertThrows(DynamoDbException.class, v::throwIfAny);
        return e.getMessage();
    }

    @Test
    void itemOperationsAcceptShortNamesAndReportTheRest() {
        ConstraintViolations v = new ConstraintViolations();
        TableNames.checkForItems("ab", "tableName", v);
        TableNames.checkForItems("a", "tableName", v);
        assertTrue(v.isEmpty());
        assertEquals("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must "
                + "have length greater than or equal to 1", itemsMessage(""));
        assertEquals("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must "
                + "not be null", itemsMessage(null));
        assertEquals("1 validation error detected: Value 'a;b' at 'tableName' failed to satisfy constraint: Member must "
                + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+", itemsMessage("a;b"));
    }

    @Test
    void definitionOperationsReportTheNameAlone() {
        assertEquals("Orders", TableNames.requireForDefinition("Orders"));
        assertEquals("TableName must be at least 3 characters long and at most 255 characters long",
                assertThrows(DynamoDbException.class, () -> TableNames.requireForDefinition("ab")).getMessage());
    }
}
