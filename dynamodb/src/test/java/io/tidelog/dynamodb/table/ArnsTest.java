package io.tidelog.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.error.DynamoDbException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArnsTest {
    private final Arns arns = new Arns("eu-west-2", "123456789012");

    @Test
    void tableIndexAndStreamArns() {
        assertEquals("arn:aws:dynamodb:eu-west-2:123456789012:table/Orders", arns.table("Orders"));
        assertEquals("arn:aws:dynamodb:eu-west-2:123456789012:table/Orders/index/byStatus",
                arns.index("Orders", "byStatus"));
        assertEquals("arn:aws:dynamodb:eu-west-2:123456789012:table/Orders/stream/2024-01-15T10:30:00.123",
                arns.stream("Orders", "2024-01-15T10:30:00.123"));
        assertEquals(new Arns("us-east-1", "000000000000"), Arns.of(ServiceOptions.defaults()));
    }

    @Test
    void aStreamLabelIsTheUtcTimeWithMilliseconds() {
        assertEquals("2024-01-15T10:30:00.123", Arns.streamLabel(Instant.parse("2024-01-15T10:30:00.123456Z")));
        assertEquals("2024-01-15T10:30:00.000", Arns.streamLabel(Instant.parse("2024-01-15T10:30:00Z")));
    }

    @Test
    void tableOfReadsTableAndStreamArns() {
        assertEquals("Orders", Arns.tableOf(arns.table("Orders")));
        assertEquals("Orders", Arns.tableOf(arns.stream("Orders", "2024-01-15T10:30:00.123")));
        assertEquals("a.b-c_d", Arns.tableOf("arn:aws-cn:dynamodb:cn-north-1:1:table/a.b-c_d"));
    }

    @Test
    void tableOfRefusesWhatIsNotATableArn() {
        for (String bad : new String[] {"", "table/Orders", "arn:aws:s3:::b", "arn:aws:dynamodb:r:a",
                "arn:aws:dynamodb:r:a:table/Orders/index/i", "arn:aws:dynamodb:r:a:table/ab",
                "arn:aws:dynamodb:r:a:table/Orders/stream/", "arn:aws:dynamodb:r:a:global-table/Orders"}) {
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> Arns.tableOf(bad), bad);
            assertEquals("ValidationException", e.code().typeName(), bad);
        }
    }
}
