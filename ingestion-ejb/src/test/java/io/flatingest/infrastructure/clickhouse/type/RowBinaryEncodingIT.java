package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import io.flatingest.testsupport.TestClickHouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Encodes boundary values of every type ClickHouse 18.16 has with {@link FieldEncoders}, inserts them as RowBinary
 * and reads them back as text: proves the encoding against the real server, not against our own reading of it.
 */
class RowBinaryEncodingIT {

    private static final String TABLE = "rowbinary_encoding_it";
    private static final String DEFAULTS_TABLE = "rowbinary_defaults_it";
    private static final String UNICODE = "Grüße \"double\" 'single' back\\slash tab\t newline\n 日本 😀";

    /** One column: its type and the field texts of rows 0, 1 and 2 (null = the field matched a null token). */
    private record Column(String name, String type, String... texts) {
    }

    /** An expression read back, and its TabSeparated text (as 18.16 escapes it) expected for rows 0, 1 and 2. */
    private record Check(String expression, String... expected) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", "UInt8", "0", "1", "2"),
            new Column("i8", "Int8", "-128", "127", "+0"),
            new Column("i16", "Int16", "-32768", "32767", "-1"),
            new Column("i32", "Int32", "-2147483648", "2147483647", "007"),
            new Column("i64", "Int64", "-9223372036854775808", "9223372036854775807", "42"),
            new Column("u8", "UInt8", "0", "255", "+7"),
            new Column("u16", "UInt16", "0", "65535", "1"),
            new Column("u32", "UInt32", "0", "4294967295", "1"),
            new Column("u64", "UInt64", "0", "18446744073709551615", "9223372036854775808"),
            new Column("f32", "Float32", "-3.4028235e38", "3.4028235E38", "0.1"),
            new Column("f64", "Float64", "4.9e-324", "-1.7976931348623157e308", "-0"),
            new Column("fsp", "Float64", "-inf", "Infinity", "NaN"),
            new Column("d32", "Decimal(9, 2)", "-9999999.99", "9999999.99", "1.500"),
            new Column("d64", "Decimal(18, 4)", "-99999999999999.9999", "99999999999999.9999", "1e-4"),
            new Column("d128", "Decimal(38, 10)", "-" + "9".repeat(28) + "." + "9".repeat(10),
                    "9".repeat(28) + "." + "9".repeat(10), "12345.6789e2"),
            new Column("s", "String", "", UNICODE, "007"),
            new Column("fs", "FixedString(4)", "", "abcd", "é"),
            new Column("d", "Date", "1970-01-01", "2149-06-06", "2023-02-28"),
            new Column("dt", "DateTime", "1970-01-01 00:00:00", "2106-02-07 06:28:15", "2023-06-15T12:34:56+02:00"),
            new Column("dtk", "DateTime('Asia/Kolkata')", "1970-01-01 05:30:00", "2023-01-01 05:30:00",
                    "2023-01-01T00:00:00Z"),
            new Column("uuid", "UUID", "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
                    "00112233-4455-6677-8899-aabbccddeeff"),
            new Column("e8", "Enum8('min' = -128, 'max' = 127, 'it\\'s' = 0)", "min", "127", "it's"),
            new Column("e16", "Enum16('low' = -32768, 'high' = 32767)", "low", "high", "-32768"),
            new Column("ni", "Nullable(Int32)", null, "", "-5"),
            new Column("ns", "Nullable(String)", null, "", "NULL"),
            new Column("nd", "Nullable(Decimal(9, 3))", "-0.001", null, "999999.999"),
            new Column("lc", "LowCardinality(String)", "a", "", "日本"),
            new Column("lcn", "LowCardinality(Nullable(String))", null, "x", ""),
            new Column("ai", "Array(Int32)", "[]", "[-2147483648, 2147483647]", "[1,2,3]"),
            new Column("ans", "Array(Nullable(String))", "[NULL, 'a']", "['b\\'c', \"d\\\\e\", '']", "[]"),
            new Column("aau", "Array(Array(UInt8))", "[[1, 2], [], [255]]", "[]", "[[]]"),
            new Column("tup", "Tuple(UInt8, String)", "(1, 'a')", "(255, '')", "(0, 'x,y')"));

    private static final List<Check> CHECKS = List.of(
            new Check("i8", "-128", "127", "0"),
            new Check("i16", "-32768", "32767", "-1"),
            new Check("i32", "-2147483648", "2147483647", "7"),
            new Check("i64", "-9223372036854775808", "9223372036854775807", "42"),
            new Check("u8", "0", "255", "7"),
            new Check("u16", "0", "65535", "1"),
            new Check("u32", "0", "4294967295", "1"),
            new Check("u64", "0", "18446744073709551615", "9223372036854775808"),
            new Check("f32", "-3.4028235e38", "3.4028235e38", "0.1"),
            new Check("hex(reinterpretAsString(f32))", "FFFF7FFF", "FFFF7F7F", "CDCCCC3D"),
            new Check("hex(reinterpretAsString(f64))", "01", "FFFFFFFFFFFFEFFF", "0000000000000080"),
            new Check("f64 = -0 AND 1 / f64 < 0", "0", "0", "1"),
            new Check("fsp", "-inf", "inf", "nan"),
            new Check("d32", "-9999999.99", "9999999.99", "1.50"),
            new Check("d64", "-99999999999999.9999", "99999999999999.9999", "0.0001"),
            new Check("d128", "-" + "9".repeat(28) + "." + "9".repeat(10), "9".repeat(28) + "." + "9".repeat(10),
                    "1234567.8900000000"),
            new Check("hex(s)", "", hex(UNICODE), "303037"),
            new Check("length(s)", "0", String.valueOf(UNICODE.getBytes(StandardCharsets.UTF_8).length), "3"),
            new Check("hex(fs)", "00000000", "61626364", "C3A90000"),
            new Check("toUInt16(d)", "0", "65535", "19416"),
            // 18.16 prints day 0 as 0000-00-00 and wraps dates after 2105: the numbers above are the proof.
            new Check("d", "0000-00-00", "1970-01-01", "2023-02-28"),
            new Check("toUInt32(dt)", "0", "4294967295", "1686825296"),
            new Check("dt", "0000-00-00 00:00:00", "1970-01-01 06:28:15", "2023-06-15 10:34:56"),
            new Check("toUInt32(dtk)", "0", "1672531200", "1672531200"),
            new Check("dtk", "0000-00-00 00:00:00", "2023-01-01 05:30:00", "2023-01-01 05:30:00"),
            new Check("toString(dtk, 'UTC')", "0000-00-00 00:00:00", "2023-01-01 00:00:00", "2023-01-01 00:00:00"),
            new Check("uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                    "00112233-4455-6677-8899-aabbccddeeff"),
            new Check("e8", "min", "max", "it\\'s"),
            new Check("toInt8(e8)", "-128", "127", "0"),
            new Check("e16", "low", "high", "low"),
            new Check("ni", "\\N", "\\N", "-5"),
            new Check("ns", "\\N", "", "NULL"),
            new Check("nd", "-0.001", "\\N", "999999.999"),
            new Check("lc", "a", "", "日本"),
            new Check("lcn", "\\N", "x", ""),
            new Check("ai", "[]", "[-2147483648,2147483647]", "[1,2,3]"),
            new Check("ans", "[NULL,'a']", "['b\\'c','d\\\\e','']", "[]"),
            new Check("length(ans[2])", "1", "3", "\\N"),
            new Check("aau", "[[1,2],[],[255]]", "[]", "[[]]"),
            new Check("tup", "(1,'a')", "(255,'')", "(0,'x,y')"));

    private static Client client;

    @BeforeAll
    static void createTable() throws Exception {
        client = new Client.Builder().addEndpoint(TestClickHouse.url()).setUsername("default").setPassword("")
                .compressServerResponse(false).build();
        execute("DROP TABLE IF EXISTS " + TABLE);
        String columns = COLUMNS.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
        execute("CREATE TABLE " + TABLE + " (" + columns + ") ENGINE = Memory");
        execute("DROP TABLE IF EXISTS " + DEFAULTS_TABLE);
        String nonNullable = COLUMNS.stream().filter(c -> !ClickHouseTypes.parse(c.type()).isNullable())
                .map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
        execute("CREATE TABLE " + DEFAULTS_TABLE + " (" + nonNullable + ") ENGINE = Memory");
    }

    @AfterAll
    static void dropTable() throws Exception {
        if (client != null) {
            execute("DROP TABLE IF EXISTS " + TABLE);
            execute("DROP TABLE IF EXISTS " + DEFAULTS_TABLE);
            client.close();
        }
    }

    @Test
    void serverReadsBackExactlyWhatTheEncodersWrote() throws Exception {
        ZoneId serverZone = ZoneId.of(query("SELECT timezone() FORMAT TabSeparated").trim());
        ConversionOptions options = ConversionOptions.defaults(serverZone);
        List<FieldEncoder> encoders = COLUMNS.stream()
                .map(c -> FieldEncoders.forType(ClickHouseTypes.parse(c.type()), options)).toList();
        RowBinaryOutput out = new RowBinaryOutput();
        for (int row = 0; row < 3; row++) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                encoders.get(i).encode(COLUMNS.get(i).texts()[row], out);
            }
        }
        List<String> names = COLUMNS.stream().map(Column::name).toList();
        client.insert(TABLE, names, new ByteArrayInputStream(out.toByteArray()), ClickHouseFormat.RowBinary,
                new InsertSettings()).get(30, TimeUnit.SECONDS).close();

        String select = CHECKS.stream().map(Check::expression).collect(Collectors.joining(", "));
        List<String> lines = query("SELECT " + select + " FROM " + TABLE + " ORDER BY id FORMAT TabSeparated").lines()
                .toList();
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        List<String> failures = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            String[] cells = lines.get(row).split("\t", -1);
            for (int i = 0; i < CHECKS.size(); i++) {
                String expected = CHECKS.get(i).expected()[row];
                if (!expected.equals(cells[i])) {
                    failures.add("row " + row + " " + CHECKS.get(i).expression() + ": expected " + expected
                            + " but was " + cells[i]);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void typeDefaultsAreTheServersOwnDefaults() throws Exception {
        ConversionOptions options = ConversionOptions.defaults(ZoneId.of("UTC"))
                .withMissingValues(ConversionOptions.MissingValues.TYPE_DEFAULT);
        List<Column> columns = COLUMNS.stream().filter(c -> !ClickHouseTypes.parse(c.type()).isNullable()).toList();
        RowBinaryOutput out = new RowBinaryOutput();
        for (Column column : columns) {
            FieldEncoders.forType(ClickHouseTypes.parse(column.type()), options).encode(null, out);
        }
        client.insert(DEFAULTS_TABLE, columns.stream().map(Column::name).toList(),
                new ByteArrayInputStream(out.toByteArray()), ClickHouseFormat.RowBinary, new InsertSettings())
                .get(30, TimeUnit.SECONDS).close();

        String select = columns.stream().map(c -> c.name() + ", defaultValueOfArgumentType(" + c.name() + ")")
                .collect(Collectors.joining(", "));
        String[] cells = query("SELECT " + select + " FROM " + DEFAULTS_TABLE + " FORMAT TabSeparated").strip()
                .split("\t", -1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!cells[2 * i].equals(cells[2 * i + 1])) {
                failures.add(columns.get(i).type() + ": wrote " + cells[2 * i] + ", server default " + cells[2 * i + 1]);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(columns.size() * 2, cells.length);
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void execute(String sql) throws Exception {
        // LowCardinality is experimental on 18.16; modern servers ignore this obsolete setting.
        QuerySettings settings = new QuerySettings().serverSetting("allow_experimental_low_cardinality_type", "1");
        read(client.query(sql, settings).get(30, TimeUnit.SECONDS));
    }

    private static String query(String sql) throws Exception {
        return read(client.query(sql).get(30, TimeUnit.SECONDS));
    }

    private static String read(QueryResponse response) throws Exception {
        try {
            return new String(response.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            response.close();
        }
    }
}
