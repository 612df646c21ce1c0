package io.flatingest.infrastructure.clickhouse.type;

/**
 * IPv4 (UInt32, little-endian like any UInt32) and IPv6 (16 bytes in network order). Addresses are parsed by
 * hand: no name is ever resolved. IPv4 is dotted decimal with 1-3 digits per part (leading zeros are decimal, as
 * ClickHouse reads them); IPv6 is RFC 4291 text with at most one {@code ::} and an optional dotted IPv4 tail
 * ({@code ::ffff:1.2.3.4}); a plain IPv4 address into IPv6 becomes its IPv4-mapped form, as ClickHouse does.
 * Zone suffixes ({@code %eth0}) and brackets are rejected.
 */
final class IpEncoder implements FieldEncoder {

    private final boolean v6;

    IpEncoder(boolean v6) {
        this.v6 = v6;
    }

    @Override
    public void encode(String text, RowBinaryOutput out) throws ConversionException {
        if (!v6) {
            long address = ipv4(text, 0, text.length());
            if (address < 0) {
                throw ConversionReasons.notValid(text, "IPv4",
                        "expected four decimal numbers 0..255 separated by dots");
            }
            out.writeInt((int) address);
            return;
        }
        byte[] address = ipv6(text);
        if (address == null) {
            throw ConversionReasons.notValid(text, "IPv6",
                    "expected an IPv6 address such as 2001:db8::1 or ::ffff:1.2.3.4");
        }
        out.writeBytes(address);
    }

    /** The IPv4 address in text[from, to) as an unsigned 32-bit value, or -1 when it is not dotted decimal. */
    static long ipv4(String text, int from, int to) {
        long address = 0;
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + text.charAt(i++) - '0';
            }
            if (i == start || value > 255) {
                return -1;
            }
            address = address << 8 | value;
        }
        return i == to ? address : -1;
    }

    /** The 16 bytes of an IPv6 address (or of the IPv4-mapped form of an IPv4 address), or null. */
    static byte[] ipv6(String text) {
        int n = text.length();
        byte[] bytes = new byte[16];
        if (text.indexOf(':') < 0) {
            long v4 = ipv4(text, 0, n);
            if (v4 < 0) {
                return null;
            }
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            writeV4(bytes, 12, v4);
            return bytes;
        }
        int count = 0; // bytes filled
        int gap = -1; // byte index where "::" stands
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (text.startsWith(":")) {
            return null;
        }
        while (i < n) {
            int start = i;
            int group = 0;
            while (i < n && i - start < 4 && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 0x80) {
                group = group << 4 | Character.digit(text.charAt(i++), 16);
            }
            if (i < n && text.charAt(i) == '.') { // dotted IPv4 tail
                long v4 = ipv4(text, start, n);
                if (v4 < 0 || count > 12) {
                    return null;
                }
                writeV4(bytes, count, v4);
                count += 4;
                i = n;
                break;
            }
            if (i == start || count > 14) {
                return null;
            }
            bytes[count++] = (byte) (group >> 8);
            bytes[count++] = (byte) group;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null; // a second "::"
                }
                gap = count;
                i++;
            } else if (i == n) {
                return null; // trailing single ':'
            }
        }
        if (gap < 0) {
            return count == 16 ? bytes : null;
        }
        if (count > 14) {
            return null; // "::" must stand for at least one group
        }
        int tail = count - gap;
        System.arraycopy(bytes, gap, bytes, 16 - tail, tail);
        java.util.Arrays.fill(bytes, gap, 16 - tail, (byte) 0);
        return bytes;
    }

    private static void writeV4(byte[] bytes, int at, long v4) {
        bytes[at] = (byte) (v4 >> 24);
        bytes[at + 1] = (byte) (v4 >> 16);
        bytes[at + 2] = (byte) (v4 >> 8);
        bytes[at + 3] = (byte) v4;
    }
}
