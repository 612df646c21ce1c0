package io.flatingest.infrastructure.clickhouse.type;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How values become text on export.
 *
 * @param serverZone             the server's time zone ({@code SELECT timezone()}): shows a {@code DateTime} column
 *                               declared without a zone, as the server itself would
 * @param zoneOverride           a zone the user chose for every {@code DateTime}/{@code DateTime64} column, even those
 *                               declared with a zone; null to keep each column's own
 * @param keepFixedStringPadding keep the trailing zero bytes of a {@code FixedString} (as U+0000 characters) instead
 *                               of trimming them; inside Array/Map/Tuple literals they are always kept, as
 *                               {@code \0}, exactly as ClickHouse prints them
 * @param formulaProtection      prefix {@code '} to a String/FixedString value starting with {@code = + - @}, TAB or
 *                               CR, so that a spreadsheet does not run it as a formula; never applied to other types
 * @param invalidUtf8            what to do with bytes of a String that are not UTF-8
 */
public record FormatOptions(ZoneId serverZone, ZoneId zoneOverride, boolean keepFixedStringPadding,
                            boolean formulaProtection, InvalidUtf8 invalidUtf8) {

    /**
     * ClickHouse strings are arbitrary bytes, a text file is characters. Exported text must say what the column holds,
     * so the default refuses a String that is not UTF-8 rather than corrupt it silently; a user exporting binary data
     * selects {@code hex(col)} or {@code base64Encode(col)} instead, or accepts the loss with {@link #REPLACE}.
     */
    public enum InvalidUtf8 {
        /** Fail the value with a {@link DecodingException} naming the offending byte (default). */
        ERROR,
        /** Replace each malformed sequence with U+FFFD, as {@code new String(bytes, UTF_8)} does. */
        REPLACE
    }

    public FormatOptions {
        Objects.requireNonNull(serverZone, "serverZone");
        Objects.requireNonNull(invalidUtf8, "invalidUtf8");
    }

    /** Server zone UTC, no override, padding trimmed, no formula protection, invalid UTF-8 refused. */
    public static FormatOptions defaults() {
        return new FormatOptions(ZoneOffset.UTC, null, false, false, InvalidUtf8.ERROR);
    }

    public FormatOptions withServerZone(ZoneId zone) {
        return new FormatOptions(zone, zoneOverride, keepFixedStringPadding, formulaProtection, invalidUtf8);
    }

    public FormatOptions withZoneOverride(ZoneId zone) {
        return new FormatOptions(serverZone, zone, keepFixedStringPadding, formulaProtection, invalidUtf8);
    }

    public FormatOptions withKeepFixedStringPadding(boolean keep) {
        return new FormatOptions(serverZone, zoneOverride, keep, formulaProtection, invalidUtf8);
    }

    public FormatOptions withFormulaProtection(boolean protect) {
        return new FormatOptions(serverZone, zoneOverride, keepFixedStringPadding, protect, invalidUtf8);
    }

    public FormatOptions withInvalidUtf8(InvalidUtf8 policy) {
        return new FormatOptions(serverZone, zoneOverride, keepFixedStringPadding, formulaProtection, policy);
    }

    /** The zone a DateTime column declared with {@code columnZone} (null: none) is shown in. */
    ZoneId zoneFor(String columnZone) {
        if (zoneOverride != null) {
            return zoneOverride;
        }
        if (columnZone == null) {
            return serverZone;
        }
        try {
            return ZoneId.of(columnZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("Time zone '" + columnZone + "' of the column is unknown to Java: "
                    + "choose a zone for the export", e);
        }
    }
}
