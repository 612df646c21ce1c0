package io.flatingest.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void keepsTheMessagesThatSaySomethingWithoutWrappersOrClassNames() {
        Exception root = new IllegalArgumentException("'abc' is not a valid Int32");
        Exception wrapped = new RuntimeException("java.lang.IllegalArgumentException: 'abc' is not a valid Int32", root);
        Exception outer = new RuntimeException("Failure in Read-Process-Write Loop", wrapped);
        assertEquals("'abc' is not a valid Int32", FailureMessages.describe(outer));
    }

    @Test
    void joinsDistinctMessagesOutermostFirst() {
        Exception cause = new java.net.ConnectException("Connection refused");
        Exception outer = new IllegalStateException("ClickHouse at http://db:8123 is not reachable", cause);
        assertEquals("ClickHouse at http://db:8123 is not reachable ← because: Connection refused",
                FailureMessages.describe(outer));
    }

    @Test
    void namesTheTypeWhenThereIsNoMessage() {
        assertEquals("NullPointerException", FailureMessages.describe(new NullPointerException()));
        assertNull(FailureMessages.describe(null));
    }
}
