package io.flatingest.infrastructure.flatfile.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

/** What one column's sample values have in common, gathered value by value; then the type that holds them all. */
final class ColumnStats {

    private static final int DISTINCT_CAP = 10_000;
    private static final String INT64_MAX = "9223372036854775807";
    private static final String INT64_MIN_ABS = "9223372036854775808";
    private static final String UINT64_MAX = "18446744073709551615";
    private static final LocalDate DATE_MIN = LocalDate.of(1970, 1, 1);
    private static final LocalDate DATE_MAX = LocalDate.of(2149, 6, 6);
    private static final LocalDate DATE32_MIN = LocalDate.of(1900, 1, 1);
    private static final LocalDate DATE32_MAX = LocalDate.of(2299, 12, 31);
    private static final LocalDateTime DATETIME_MAX = LocalDateTime.of(2106, 2, 7, 6, 28, 15);

    int nulls;
    int empties;
    int values;
    private boolean numbers = true;
    private boolean floats = true;
    private boolean dates = true;
    private boolean dateTimes = true;
    private boolean uuids = true;
    private boolean bools = true;
    private boolean anyFloatSyntax;
    private int maxInteger;
    private int maxScale;
    private int maxSignificant;
    private boolean beyondInt64;
    private boolean beyondUInt64;
    private boolean outsideDate;
    private boolean outsideDate32;
    private boolean outsideDateTime;
    private int maxFraction;
    private String leadingZeros;
    private final Set<String> distinct = new HashSet<>();

    void add(String value) {
        if (value == null) {
            nulls++;
            return;
        }
        if (value.isEmpty()) {
            empties++;
            return;
        }
        values++;
        if (distinct.size() <= DISTINCT_CAP) {
            distinct.add(value);
        }
        if (leadingZeros == null && value.length() > 1 && value.charAt(0) == '0' && Character.isDigit(value.charAt(1))) {
            leadingZeros = value;
        }
        addNumber(value);
        addTemporal(value);
        uuids &= ValueSyntax.uuid(value);
        bools &= ValueSyntax.bool(value);
    }

    private void addNumber(String value) {
        ValueSyntax.Number n = numbers || floats ? ValueSyntax.number(value) : null;
        if (n == null) {
            numbers = false;
            boolean floatSpelling = floats && ValueSyntax.floatOnly(value);
            anyFloatSyntax |= floatSpelling;
            floats &= floatSpelling;
            return;
        }
        maxInteger = Math.max(maxInteger, n.integer().length());
        maxScale = Math.max(maxScale, n.scale());
        maxSignificant = Math.max(maxSignificant, n.significant());
        if (n.scale() == 0) {
            beyondInt64 |= !fits(n.integer(), n.negative() ? INT64_MIN_ABS : INT64_MAX);
            beyondUInt64 |= n.negative() || !fits(n.integer(), UINT64_MAX);
        }
    }

    private void addTemporal(String value) {
        if (dates) {
            LocalDate d = ValueSyntax.date(value);
            dates = d != null;
            outsideDate |= d != null && (d.isBefore(DATE_MIN) || d.isAfter(DATE_MAX));
            outsideDate32 |= d != null && (d.isBefore(DATE32_MIN) || d.isAfter(DATE32_MAX));
        }
        if (dateTimes) {
            ValueSyntax.DateTime dt = ValueSyntax.dateTime(value);
            dateTimes = dt != null;
            if (dt != null) {
                LocalDate day = dt.value().toLocalDate();
                outsideDateTime |= day.isBefore(DATE_MIN) || dt.value().isAfter(DATETIME_MAX);
                outsideDate32 |= day.isBefore(DATE32_MIN) || day.isAfter(DATE32_MAX);
                maxFraction = Math.max(maxFraction, dt.fraction());
            }
        }
    }

    private static boolean fits(String digits, String max) {
        return digits.length() < max.length() || digits.length() == max.length() && digits.compareTo(max) <= 0;
    }

    /** Whether the proposed base type is not text, so an empty value can only mean NULL. */
    boolean typed(String baseType) {
        return !baseType.equals("String") && !baseType.startsWith("LowCardinality");
    }

    /** The base type (no Nullable) and why; {@code modernTypes} allows Bool, Date32 and DateTime64. */
    String[] baseType(boolean modernTypes) {
        if (values == 0) {
            return new String[] {"String", "no values in the sample"};
        } else if (numbers && maxScale == 0) {
            return !beyondInt64 ? new String[] {"Int64", "integers"}
                    : !beyondUInt64 ? new String[] {"UInt64", "integers above the Int64 maximum, none negative"}
                    : new String[] {"String", "integers too large for 64 bits"};
        } else if (numbers) {
            return decimal();
        } else if (floats && anyFloatSyntax) {
            return maxSignificant <= 15 ? new String[] {"Float64", "exponent notation, inf or nan seen"}
                    : new String[] {"String", "exponent notation next to numbers with more digits than Float64 keeps"};
        } else if (dates) {
            return !outsideDate ? new String[] {"Date", "dates YYYY-MM-DD"}
                    : modernTypes && !outsideDate32 ? new String[] {"Date32", "dates outside 1970-2149"}
                    : new String[] {"String", "dates outside the range of Date"};
        } else if (dateTimes) {
            return dateTime(modernTypes);
        } else if (uuids) {
            return new String[] {"UUID", "lower-case UUIDs"};
        } else if (bools) {
            return modernTypes ? new String[] {"Bool", "true/false"}
                    : new String[] {"String", "true/false kept as text: this server has no Bool, UInt8 would store 1/0"};
        }
        return text();
    }

    private String[] decimal() {
        int precision = maxInteger + maxScale;
        if (precision > 38) {
            return new String[] {"String", "decimals wider than 38 digits"};
        }
        int withHeadroom = Math.min(38, precision + 2);
        int bucket = withHeadroom <= 9 ? 9 : withHeadroom <= 18 ? 18 : 38;
        return new String[] {"Decimal(%d, %d)".formatted(bucket, maxScale),
            "fixed-point numbers with up to %d integer and %d fraction digits".formatted(maxInteger, maxScale)};
    }

    private String[] dateTime(boolean modernTypes) {
        if (maxFraction == 0 && !outsideDateTime) {
            return new String[] {"DateTime('UTC')", "date-times YYYY-MM-DD hh:mm:ss (UTC keeps the text exact)"};
        } else if (modernTypes && !outsideDate32) {
            return new String[] {"DateTime64(%d, 'UTC')".formatted(maxFraction),
                maxFraction > 0 ? "date-times with " + maxFraction + " fractional digits" : "date-times outside 1970-2106"};
        }
        return new String[] {"String", maxFraction > 0 ? "fractional seconds need DateTime64 (modern server)"
                : "date-times outside the range of DateTime"};
    }

    private String[] text() {
        String reason = leadingZeros != null ? "text; leading zeros (e.g. " + leadingZeros + ") must not be lost"
                : "text";
        int all = values + empties;
        boolean lowCardinality = all >= 100 && distinct.size() <= all * 0.05;
        return lowCardinality
                ? new String[] {"LowCardinality(String)", reason + "; " + distinct.size() + " distinct values in " + all}
                : new String[] {"String", reason};
    }
}
