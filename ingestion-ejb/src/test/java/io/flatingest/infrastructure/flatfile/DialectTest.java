package io.flatingest.infrastructure.flatfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void clickHouseDefaults() {
        Dialect csv = Dialect.csv();
        assertEquals(List.of(), csv.validate());
        assertEquals(',', csv.delimiter());
        assertEquals('"', csv.quote());
        assertEquals(Dialect.EscapeMode.DOUBLED_QUOTE, csv.escape());
        assertEquals(Set.of("", "\\N"), csv.nullTokens());
        assertEquals("UTF-8", csv.encoding());
        Dialect tsv = Dialect.tsv();
        assertEquals(List.of(), tsv.validate());
        assertEquals('\t', tsv.delimiter());
        assertEquals(Dialect.NO_QUOTE, tsv.quote());
        assertEquals(Dialect.EscapeMode.BACKSLASH, tsv.escape());
        assertEquals(Set.of("\\N"), tsv.nullTokens());
    }

    @Test
    void validationExplainsEveryProblem() {
        assertEquals(List.of("the delimiter must not be CR or LF"), Dialect.csv().withDelimiter('\n').validate());
        assertEquals(List.of("the delimiter and the quote character must differ"),
                Dialect.csv().withDelimiter('"').validate());
        assertEquals(List.of("the delimiter must be a single ASCII character, not U+00A7"),
                Dialect.csv().withDelimiter('§').validate());
        assertEquals(List.of("unsupported charset 'KLINGON-8'"), Dialect.csv().withEncoding("KLINGON-8").validate());
        assertTrue(Dialect.csv().withEncoding("not a name").validate().get(0).startsWith("unsupported charset"));
        assertEquals(List.of("TSV has no quoting; for quoted tab-separated files use format CSV with delimiter TAB"),
                Dialect.tsv().withQuote('"').validate());
        assertEquals(List.of("CSV with a quote character needs escape mode DOUBLED_QUOTE or BACKSLASH"),
                Dialect.csv().withEscape(Dialect.EscapeMode.NONE).validate());
        assertEquals(List.of("lines to skip must not be negative"), Dialect.csv().withSkipLines(-1).validate());
        assertEquals(List.of("the backslash cannot be the delimiter or quote character when it is the escape "
                + "character"), Dialect.tsv().withDelimiter('\\').validate());
        assertEquals(2, Dialect.csv().withDelimiter('\r').withSkipLines(-2).validate().size());
    }

    @Test
    void anyCharsetJavaKnowsIsSupported() {
        assertEquals(List.of(), Dialect.csv().withEncoding("Shift_JIS").validate());
        assertEquals(List.of(), Dialect.csv().withEncoding("UTF-16").validate());
    }

    @Test
    void theReaderRefusesAnInvalidDialect() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlatFileReader.open(Path.of("nowhere.csv"), Dialect.csv().withDelimiter('\n')));
        assertEquals("invalid dialect: the delimiter must not be CR or LF", e.getMessage());
    }
}
