package io.flatingest.infrastructure.clickhouse.type;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enum8 and Enum16: a value's name, exactly (case-sensitive), or else its number when the enum defines that
 * number. Anything else is rejected, naming some of the allowed values.
 */
final class EnumEncoder implements FieldEncoder {

    private static final int NAMES_SHOWN = 5;

    private final boolean wide;
    private final String typeName;
    private final Map<String, Integer> byName;
    private final Set<Integer> numbers;
    private final String allowed;

    EnumEncoder(ClickHouseType.Enum type) {
        this.wide = type.bits() == 16;
        this.typeName = "Enum" + type.bits();
        this.byName = new HashMap<>(type.values());
        this.numbers = new HashSet<>(type.values().values());
        String names = type.values().keySet().stream().limit(NAMES_SHOWN).map(ClickHouseTypes::quote)
                .collect(Collectors.joining(", "));
        int more = type.values().size() - NAMES_SHOWN;
        this.allowed = names + (more > 0 ? " and " + more + " more" : "");
    }

    /** Whether the enum has a value named by the empty text (then an empty field is that value, not missing). */
    static boolean hasEmptyName(ClickHouseType.Enum type) {
        return type.values().containsKey("");
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        Integer value = byName.get(text);
        if (value == null) {
            value = number(text);
        }
        if (value == null) {
            throw new ConversionException(ConversionReasons.quote(text) + " is not a value of this " + typeName
                    + "; allowed: " + allowed);
        }
        if (wide) {
            out.writeShort(value);
        } else {
            out.writeByte(value);
        }
    }

    private Integer number(String text) {
        int n = text.length();
        int start = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == n || n - start > 6) {
            return null;
        }
        for (int i = start; i < n; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        int number = Integer.parseInt(text);
        return numbers.contains(number) ? number : null;
    }
}
