package io.flatingest.infrastructure.clickhouse.type;

import java.util.Locale;
import java.util.Map;

/**
 * Bool, encoded as UInt8 0 or 1. Accepts, in any case, the words modern ClickHouse reads: {@code true/false},
 * {@code t/f}, {@code yes/no}, {@code y/n}, {@code on/off}, {@code enable/disable}, {@code enabled/disabled} and
 * {@code 1/0}. Anything else (including {@code 2} or {@code 1.0}) is rejected.
 */
final class BoolEncoder implements FieldEncoder {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("true", 1), Map.entry("t", 1), Map.entry("yes", 1), Map.entry("y", 1), Map.entry("on", 1),
            Map.entry("enable", 1), Map.entry("enabled", 1), Map.entry("1", 1),
            Map.entry("false", 0), Map.entry("f", 0), Map.entry("no", 0), Map.entry("n", 0), Map.entry("off", 0),
            Map.entry("disable", 0), Map.entry("disabled", 0), Map.entry("0", 0));

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        if (text.length() == 1) {
            char c = text.charAt(0);
            if (c == '1' || c == '0') {
                out.writeByte(c - '0');
                return;
            }
        }
        Integer value = text.length() <= 8 ? WORDS.get(text.toLowerCase(Locale.ROOT)) : null;
        if (value == null) {
            throw ConversionReasons.notValid(text, "Bool",
                    "expected true/false, 1/0, yes/no, y/n, t/f, on/off, enable(d)/disable(d)");
        }
        out.writeByte(value);
    }
}
