package io.flatingest.infrastructure.clickhouse.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickHouseTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Int8", "UInt64", "Float32", "String", "Date", "UUID", "FixedString(16)",
            "Decimal(18, 4)", "DateTime", "DateTime('Europe/Berlin')", "DateTime64(3)", "DateTime64(6, 'UTC')",
            "Nullable(Int32)", "LowCardinality(Nullable(String))", "Array(Array(Nullable(Decimal(38, 10))))",
            "Map(String, Array(UInt8))", "Tuple(UInt8, String)", "Tuple(a UInt8, `b c` String)",
            "Enum8('a' = 1, 'b' = -2)", "Enum16('x' = 1000)", "IPv4", "IPv6", "Bool", "Date32", "Int256",
            "SimpleAggregateFunction(sum, UInt64)"})
    void rendersWhatItParses(String text) {
        assertEquals(text, ClickHouseTypes.parse(text).toString());
    }

    @Test
    void normalisesDecimalAliasesToPrecision() {
        assertEquals(new ClickHouseType.Decimal(9, 2), ClickHouseTypes.parse("Decimal32(2)"));
        assertEquals(new ClickHouseType.Decimal(18, 0), ClickHouseTypes.parse("Decimal64(0)"));
        assertEquals(new ClickHouseType.Decimal(38, 38), ClickHouseTypes.parse("Decimal128(38)"));
        assertEquals(new ClickHouseType.Decimal(76, 10), ClickHouseTypes.parse("Decimal256(10)"));
        assertEquals(new ClickHouseType.Decimal(10, 0), ClickHouseTypes.parse("DECIMAL"));
        assertEquals(4, new ClickHouseType.Decimal(9, 0).byteWidth());
        assertEquals(8, new ClickHouseType.Decimal(10, 0).byteWidth());
        assertEquals(16, new ClickHouseType.Decimal(38, 0).byteWidth());
        assertEquals(32, new ClickHouseType.Decimal(39, 0).byteWidth());
    }

    @Test
    void readsEnumNamesWithEscapesAndImplicitNumbers() {
        ClickHouseType.Enum e = (ClickHouseType.Enum) ClickHouseTypes.parse("Enum8('it\\'s' = 1, 'a,b' = 2, 'x=y' = 3)");
        assertEquals(Map.of("it's", 1, "a,b", 2, "x=y", 3), e.values());
        assertEquals("a,b", e.nameOf(2));
        ClickHouseType.Enum implicit = (ClickHouseType.Enum) ClickHouseTypes.parse("Enum('a', 'b')");
        assertEquals(8, implicit.bits());
        assertEquals(List.of(1, 2), List.copyOf(implicit.values().values()));
        assertEquals("Enum8('it\\'s' = 1, 'a,b' = 2, 'x=y' = 3)", e.toString());
    }

    @Test
    void refusesEnumValuesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> ClickHouseTypes.parse("Enum8('a' = 128)"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseTypes.parse("Enum16('a' = 40000)"));
    }

    @Test
    void acceptsSqlAliasesCaseInsensitively() {
        assertEquals(new ClickHouseType.Simple(ClickHouseType.Base.INT64), ClickHouseTypes.parse("bigint"));
        assertEquals(new ClickHouseType.Simple(ClickHouseType.Base.STRING), ClickHouseTypes.parse("VARCHAR(255)"));
        assertEquals(new ClickHouseType.Simple(ClickHouseType.Base.FLOAT64), ClickHouseTypes.parse("Double"));
        assertEquals(new ClickHouseType.DateTime(null), ClickHouseTypes.parse("TIMESTAMP"));
    }

    @Test
    void unwrapsNullableAndLowCardinalityForValues() {
        ClickHouseType t = ClickHouseTypes.parse("LowCardinality(Nullable(FixedString(3)))");
        assertTrue(t.isNullable());
        assertEquals(new ClickHouseType.FixedString(3), t.valueType());
        assertFalse(ClickHouseTypes.parse("Array(Nullable(Int8))").isNullable());
    }

    @Test
    void marksModernOnlyTypes() {
        assertFalse(ClickHouseTypes.parse("Nullable(Decimal(38, 2))").requiresModernServer());
        assertTrue(ClickHouseTypes.parse("Array(DateTime64(3))").requiresModernServer());
        assertTrue(ClickHouseTypes.parse("Map(String, String)").requiresModernServer());
        assertTrue(ClickHouseTypes.parse("Nullable(Bool)").requiresModernServer());
        assertTrue(ClickHouseTypes.parse("Decimal(40, 2)").requiresModernServer());
    }

    @Test
    void unsupportedTypesKeepTheirText() {
        ClickHouseType t = ClickHouseTypes.parse("AggregateFunction(uniq, String)");
        ClickHouseType.Unsupported u = assertInstanceOf(ClickHouseType.Unsupported.class, t);
        assertEquals("AggregateFunction(uniq, String)", u.text());
        assertInstanceOf(ClickHouseType.Unsupported.class, ClickHouseTypes.parse("Object('json')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nullable(", "Array(Int8", "Decimal(a, 2)", "Int8(3)", "FixedString(0)",
            "Decimal(10, 11)", "DateTime64(10)", "Enum8('a' = 1, 'a' = 2)", "Tuple(a UInt8, String)", "Int8 x"})
    void refusesMalformedText(String text) {
        assertThrows(IllegalArgumentException.class, () -> ClickHouseTypes.parse(text));
    }

    @Test
    void quotesStringLiterals() {
        assertEquals("'a\\'b\\\\c\\n'", ClickHouseTypes.quote("a'b\\c\n"));
    }
}
