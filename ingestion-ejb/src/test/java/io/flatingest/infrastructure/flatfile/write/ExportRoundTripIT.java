package io.flatingest.infrastructure.flatfile.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import io.flatingest.testsupport.TestClickHouse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export a table through RowBinary, the formatters and the file writer; load the file into an empty copy with
 * ClickHouse's own CSV/TSV input; the copy must equal the original. Proves that the texts (floats, decimals, dates,
 * escapes, Array literals, NULLs) read back as the same values.
 */
class ExportRoundTripIT {

    private static final String SOURCE = "it_export_source";
    private static final String COPY = "it_export_copy";
    private static final String COLUMNS = "id UInt32, s String, ns Nullable(String), fs FixedString(4), f32 Float32, "
            + "f64 Float64, d Decimal(18, 4), dt Date, t DateTime, tk DateTime('Asia/Kolkata'), u UUID, "
            + "e Enum8('a' = 1, 'it\\'s' = 2), lc LowCardinality(String), arr Array(Nullable(String)), "
            + "ai Array(Array(Int64)), ni Nullable(Int32), u64 UInt64";
    private static final String ROWS = "(1, 'plain', NULL, 'ab', 0.1, 1e-300, 1.5, '2020-01-02', "
            + "'2020-01-02 03:04:05', '2020-01-02 03:04:05', '00112233-4455-6677-8899-aabbccddeeff', 'a', 'x', "
            + "['a', NULL], [[1], []], NULL, 0),"
            + "(2, 'tab\\there, \"quoted\"\\nnew line \\\\ back\\'slash', '', 'abcd', inf, -0., -99999999999999.9999, "
            + "'1970-01-01', '1970-01-01 00:00:00', '1970-01-01 05:30:00', '00000000-0000-0000-0000-000000000000', "
            + "'it\\'s', '', [], [], -2147483648, 18446744073709551615),"
            + "(3, '=1+1', '\\\\N', 'é', nan, 0.30000000000000004, -0.0001, '2105-12-31', '2105-12-31 23:59:59', "
            + "'2038-01-19 08:44:07', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'a', 'ü', ['x\\'y', '', NULL], "
            + "[[-9223372036854775808, 9223372036854775807]], 7, 1),"
            + "(4, ' padded ', 'NULL', '', -inf, 123456789.123, 0, '2000-02-29', '2000-02-29 12:00:00', "
            + "'2000-02-29 12:00:00', '01234567-89ab-cdef-fedc-ba9876543210', 'it\\'s', 'x', ['\\\\N'], [[0]], 0, 2)";

    private static Client client;

    @TempDir
    Path dir;

    @BeforeAll
    static void createTables() throws Exception {
        client = new Client.Builder().addEndpoint(TestClickHouse.url()).setUsername("default").setPassword("")
                .compressServerResponse(false).build();
        CommandSettings settings = new CommandSettings();
        settings.serverSetting("allow_experimental_low_cardinality_type", "1");
        for (String table : List.of(SOURCE, COPY)) {
            execute("DROP TABLE IF EXISTS " + table, settings);
            execute("CREATE TABLE " + table + " (" + COLUMNS + ") ENGINE = Memory", settings);
        }
        execute("INSERT INTO " + SOURCE + " VALUES " + ROWS, settings);
    }

    @AfterAll
    static void dropTables() throws Exception {
        if (client != null) {
            for (String table : List.of(SOURCE, COPY)) {
                execute("DROP TABLE IF EXISTS " + table, new CommandSettings());
            }
            client.close();
        }
    }

    /** Quote-all is left out: 18.16 cannot read a quoted Decimal ("1.5000") from CSV; modern servers can. */
    @ParameterizedTest
    @ValueSource(strings = {"CSV", "CSV gzip", "TSV", "TSV gzip"})
    void aFileLoadsBackIntoTheSameRows(String variant) throws Exception {
        execute("TRUNCATE TABLE " + COPY, new CommandSettings());
        boolean tsv = variant.startsWith("TSV");
        ExportFileOptions options = (tsv ? ExportFileOptions.tsv() : ExportFileOptions.csv().withNullToken("\\N"))
                .withGzip(variant.contains("gzip"));
        Path file = export(dir.resolve("export." + (tsv ? "tsv" : "csv")), options);

        InsertSettings insert = new InsertSettings();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = options.gzip() ? new GZIPInputStream(raw) : raw) {
            byte[] text = in.readAllBytes();
            // skip the header line: 18.16 has CSVWithNames/TabSeparatedWithNames, but the plain formats are enough
            int firstLine = new String(text, StandardCharsets.UTF_8).indexOf('\n') + 1;
            client.insert(COPY, new java.io.ByteArrayInputStream(text, firstLine, text.length - firstLine),
                    tsv ? ClickHouseFormat.TabSeparated : ClickHouseFormat.CSV, insert).get(60, TimeUnit.SECONDS)
                    .close();
        }
        String original = text("SELECT * FROM " + SOURCE + " ORDER BY id FORMAT TabSeparated");
        String copy = text("SELECT * FROM " + COPY + " ORDER BY id FORMAT TabSeparated");
        assertEquals(4, original.lines().count());
        assertEquals(original, copy, variant);
    }

    private Path export(Path file, ExportFileOptions options) throws Exception {
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        for (String line : text("DESCRIBE TABLE " + SOURCE + " FORMAT TabSeparated").split("\n")) {
            String[] f = line.split("\t");
            names.add(f[0]);
            types.add(ClickHouseTypes.parse(f[1].replace("\\'", "'").replace("\\\\", "\\")));
        }
        ZoneId zone = ZoneId.of(text("SELECT timezone() FORMAT TabSeparated").trim());
        RowDecoder decoder = new RowDecoder(names, types, FormatOptions.defaults().withServerZone(zone));
        List<ExportColumn> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ExportColumn(names.get(i), decoder.literal(i)));
        }
        ExportFileWriter writer = ExportFileWriter.open(file, columns, options, null);
        try (QueryResponse r = client.query("SELECT * FROM " + SOURCE + " ORDER BY id FORMAT RowBinary")
                .get(60, TimeUnit.SECONDS)) {
            RowBinaryInput in = new RowBinaryInput(r.getInputStream());
            for (String[] row = decoder.next(in); row != null; row = decoder.next(in)) {
                writer.writeRow(row);
                writer.checkpoint(); // a member per row with gzip: the loader must read them all
            }
        }
        assertEquals(4, writer.rowsWritten());
        Path done = writer.commit();
        assertTrue(Files.size(done) > 0);
        return done;
    }

    private static void execute(String sql, CommandSettings settings) throws Exception {
        client.execute(sql, settings).get(60, TimeUnit.SECONDS).close();
    }

    private static String text(String sql) throws Exception {
        try (QueryResponse r = client.query(sql).get(60, TimeUnit.SECONDS)) {
            return new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
