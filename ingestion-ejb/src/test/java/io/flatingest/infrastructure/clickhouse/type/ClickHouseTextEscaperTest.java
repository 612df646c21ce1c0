package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClickHouseTextEscaperTest {

    @Test
    void escapesWhatClickHouseEscapes() {
        // 18.16: SELECT 'a\tb\nc\\d''e"f' FORMAT TSV  ->  a\tb\nc\\d\'e"f
        assertEquals("a\\tb\\nc\\\\d\\'e\"f", ClickHouseTextEscaper.escape("a\tb\nc\\d'e\"f"));
        assertEquals("\\r\\b\\f\\0", ClickHouseTextEscaper.escape("\r\b\f\0"));
        assertEquals("x\u0001\u007f", ClickHouseTextEscaper.escape("x\u0001\u007f"));
    }

    @Test
    void leavesPlainTextAlone() {
        String s = "plain, \"text\" é";
        assertSame(s, ClickHouseTextEscaper.escape(s));
        assertFalse(ClickHouseTextEscaper.needsEscaping(s));
        assertTrue(ClickHouseTextEscaper.needsEscaping("a'b"));
    }

    @Test
    void quotesLiterals() {
        StringBuilder sb = new StringBuilder();
        ClickHouseTextEscaper.appendQuoted(sb, "it's");
        assertEquals("'it\\'s'", sb.toString());
    }
}
