package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Date ({@code YYYY-MM-DD}), Date32, DateTime ({@code YYYY-MM-DD hh:mm:ss}) and DateTime64(p) (with exactly p
 * fraction digits), computed with integer arithmetic into a scratch buffer instead of java.time formatters. A
 * DateTime is shown in the zone {@link FormatOptions#zoneFor} picks: the user's override, else the column's zone,
 * else the server's. Day 0 is {@code 1970-01-01}: 18.16 prints {@code 0000-00-00} for it, modern servers do not.
 */
final class TemporalFormatters {

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private TemporalFormatters() {
    }

    /** Date: UInt16 days since 1970-01-01. Texts are cached: a column holds few distinct days. */
    static final class Date extends ValueFormatter.Quoted {
        private DayTexts texts;
        private String[] cache;

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            int day = in.readShort() & 0xFFFF;
            if (texts == null) {
                texts = new DayTexts();
            }
            out.utf8(texts.bytes, texts.at(day), 10);
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            int day = in.readShort() & 0xFFFF;
            if (cache == null) {
                cache = new String[1 << 16];
            }
            String s = cache[day];
            if (s == null) {
                s = date(day);
                cache[day] = s;
            }
            return s;
        }
    }

    /** Date32: Int32 days since 1970-01-01, negative before. */
    static final class Date32 extends ValueFormatter.Quoted {
        private final byte[] scratch = new byte[32];

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return date(in.readInt());
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            out.utf8(scratch, 0, writeDate(in.readInt(), scratch, 0));
        }
    }

    /** DateTime: UInt32 seconds since the epoch. */
    static final class DateTime extends ValueFormatter.Quoted {
        private final Offsets offsets;
        private final LocalDateTimeText text = new LocalDateTimeText();

        DateTime(ZoneId zone) {
            this.offsets = new Offsets(zone);
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            long epochSecond = in.readInt() & 0xFFFF_FFFFL;
            int n = text.write(epochSecond + offsets.offsetSeconds(epochSecond));
            return new String(text.bytes, 0, n, StandardCharsets.ISO_8859_1);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            long epochSecond = in.readInt() & 0xFFFF_FFFFL;
            out.utf8(text.bytes, 0, text.write(epochSecond + offsets.offsetSeconds(epochSecond)));
        }
    }

    /** DateTime64(p): Int64 ticks of 10^-p seconds since the epoch. */
    static final class DateTime64 extends ValueFormatter.Quoted {
        private final int precision;
        private final Offsets offsets;
        private final LocalDateTimeText text = new LocalDateTimeText();

        DateTime64(int precision, ZoneId zone) {
            this.precision = precision;
            this.offsets = new Offsets(zone);
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            long ticks = in.readLong();
            long unit = POW10[precision];
            long epochSecond = Math.floorDiv(ticks, unit);
            long fraction = Math.floorMod(ticks, unit);
            int n = text.write(epochSecond + offsets.offsetSeconds(epochSecond));
            byte[] scratch = text.bytes;
            if (precision > 0) {
                scratch[n++] = '.';
                for (int i = n + precision - 1; i >= n; i--) {
                    scratch[i] = (byte) ('0' + fraction % 10);
                    fraction /= 10;
                }
                n += precision;
            }
            return new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * {@code YYYY-MM-DD hh:mm:ss} of local seconds, reusing the date part while consecutive values fall on the same
     * day, as they mostly do.
     */
    static final class LocalDateTimeText {
        final byte[] bytes = new byte[48];
        private long day = Long.MIN_VALUE;
        private int dateLength;
        private DayTexts days;

        int write(long localSeconds) {
            long d = Math.floorDiv(localSeconds, 86_400);
            if (d != day) {
                if (d >= 0 && d < DayTexts.DAYS) {
                    if (days == null) {
                        days = new DayTexts();
                    }
                    System.arraycopy(days.bytes, days.at((int) d), bytes, 0, 10);
                    dateLength = 10;
                } else {
                    dateLength = writeDate(d, bytes, 0);
                }
                bytes[dateLength] = ' ';
                day = d;
            }
            int secondOfDay = (int) (localSeconds - d * 86_400);
            int off = two(secondOfDay / 3600, bytes, dateLength + 1);
            bytes[off++] = ':';
            off = two(secondOfDay / 60 % 60, bytes, off);
            bytes[off++] = ':';
            return two(secondOfDay % 60, bytes, off);
        }
    }

    /**
     * The texts of days 0 to 65535 (1970-01-01 to 2149-06-06, the range of Date) as 10 bytes each, each built on
     * first use: a column holds few distinct days, and copying ten bytes costs less than the calendar arithmetic.
     */
    static final class DayTexts {
        static final int DAYS = 1 << 16;
        final byte[] bytes = new byte[10 * DAYS];
        private final long[] known = new long[DAYS / 64];

        /** Where day {@code d}'s text is in {@link #bytes}. */
        int at(int d) {
            if ((known[d >>> 6] & 1L << d) == 0) {
                writeDate(d, bytes, 10 * d);
                known[d >>> 6] |= 1L << d;
            }
            return 10 * d;
        }
    }

    static String date(long epochDay) {
        byte[] b = new byte[16];
        int n = writeDate(epochDay, b, 0);
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Writes the proleptic Gregorian date (H. Hinnant's civil_from_days) as {@code YYYY-MM-DD}. */
    static int writeDate(long epochDay, byte[] dst, int off) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year >= 0 && year <= 9999) {
            int y = (int) year;
            off = two(y / 100, dst, off);
            off = two(y % 100, dst, off);
        } else {
            for (byte c : Long.toString(year).getBytes(StandardCharsets.ISO_8859_1)) {
                dst[off++] = c;
            }
        }
        dst[off++] = '-';
        off = two(month, dst, off);
        dst[off++] = '-';
        return two(day, dst, off);
    }

    private static int two(int v, byte[] dst, int off) {
        dst[off] = (byte) ('0' + v / 10);
        dst[off + 1] = (byte) ('0' + v % 10);
        return off + 2;
    }

    /**
     * The zone's UTC offset at an instant, remembering the span between two transitions where the last answer
     * holds, so that consecutive values (usually close in time) cost one range check.
     */
    static final class Offsets {
        private final ZoneRules rules;
        private final boolean fixed;
        private long from = 1;
        private long until = 0;
        private int offset;

        Offsets(ZoneId zone) {
            this.rules = zone.getRules();
            this.fixed = rules.isFixedOffset();
            if (fixed) {
                offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            }
        }

        int offsetSeconds(long epochSecond) {
            if (fixed || epochSecond >= from && epochSecond < until) {
                return offset;
            }
            Instant instant = Instant.ofEpochSecond(epochSecond);
            offset = rules.getOffset(instant).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(instant);
            ZoneOffsetTransition next = rules.nextTransition(instant);
            from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            if (previous != null && previous.getOffsetAfter().getTotalSeconds() != offset) {
                from = epochSecond; // transition exactly here or rules we do not understand: no span
            }
            until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            return offset;
        }
    }
}
