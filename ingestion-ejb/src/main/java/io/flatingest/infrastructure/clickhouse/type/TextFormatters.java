package io.flatingest.infrastructure.clickhouse.type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** String, FixedString and Enum: text decoded from bytes. */
final class TextFormatters {

    private TextFormatters() {
    }

    /** String: LEB128 length, then the bytes, decoded as UTF-8 under the options' invalid-UTF-8 policy. */
    static final class Text extends ValueFormatter.Quoted {
        private final FormatOptions.InvalidUtf8 policy;

        Text(FormatOptions.InvalidUtf8 policy) {
            this.policy = policy;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return utf8(in, in.readLength(), policy, false);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            int len = in.readLength();
            if (!writeValid(in, len, false, out)) {
                out.text(utf8(in, len, policy, false));
            }
        }
    }

    /** FixedString(N): N bytes; trailing zero bytes trimmed at top level unless the options keep them. */
    static final class Fixed extends ValueFormatter {
        private final int length;
        private final boolean keepPadding;
        private final FormatOptions.InvalidUtf8 policy;

        Fixed(int length, boolean keepPadding, FormatOptions.InvalidUtf8 policy) {
            this.length = length;
            this.keepPadding = keepPadding;
            this.policy = policy;
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            return utf8(in, length, policy, !keepPadding);
        }

        @Override
        public void write(RowBinaryInput in, TextSink out) throws IOException {
            if (!writeValid(in, length, !keepPadding, out)) {
                out.text(utf8(in, length, policy, !keepPadding));
            }
        }

        @Override
        void appendLiteral(RowBinaryInput in, StringBuilder out) throws IOException {
            ClickHouseTextEscaper.appendQuoted(out, utf8(in, length, policy, false)); // 'ab\0\0', as ClickHouse
        }
    }

    /** Enum8/Enum16: the name of the stored number. */
    static final class EnumName extends ValueFormatter.Quoted {
        private final boolean wide;
        private final int min;
        private final String[] names;
        private final ClickHouseType.Enum type;

        EnumName(ClickHouseType.Enum type) {
            this.type = type;
            this.wide = type.bits() == 16;
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int v : type.values().values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            this.min = lo;
            this.names = new String[hi - lo + 1];
            for (Map.Entry<String, Integer> e : type.values().entrySet()) {
                names[e.getValue() - lo] = e.getKey();
            }
        }

        @Override
        public String read(RowBinaryInput in) throws IOException {
            int v = wide ? in.readShort() : in.readByte();
            int i = v - min;
            String name = i >= 0 && i < names.length ? names[i] : null;
            if (name == null) {
                throw new DecodingException("value " + v + " is not one of " + type);
            }
            return name;
        }
    }

    /**
     * Hands the next {@code len} bytes (trailing zero bytes trimmed when asked) to {@code out} as they are, straight
     * from the input buffer, when they are valid UTF-8 and fit the buffer; returns false without consuming anything
     * otherwise (the caller then decodes them under its policy).
     */
    static boolean writeValid(RowBinaryInput in, int len, boolean trimZeros, TextSink out) throws IOException {
        if (len > in.buffer().length) {
            return false;
        }
        in.require(len);
        byte[] b = in.buffer();
        int p = in.bufferPosition();
        int n = len;
        if (trimZeros) {
            while (n > 0 && b[p + n - 1] == 0) {
                n--;
            }
        }
        if (!Utf8.valid(b, p, p + n)) {
            return false;
        }
        out.utf8(b, p, n);
        in.advance(len);
        return true;
    }

    /**
     * {@code len} bytes as UTF-8, decoded straight from the input buffer. The JDK decoder replaces malformed input
     * with U+FFFD; only when the result contains one are the bytes checked strictly (U+FFFD may also be real data).
     */
    static String utf8(RowBinaryInput in, int len, FormatOptions.InvalidUtf8 policy, boolean trimZeros)
            throws IOException {
        byte[] b;
        int p;
        if (len <= in.buffer().length) {
            in.require(len);
            b = in.buffer();
            p = in.bufferPosition();
            in.advance(len);
        } else {
            b = in.readBytes(len);
            p = 0;
        }
        int n = len;
        if (trimZeros) {
            while (n > 0 && b[p + n - 1] == 0) {
                n--;
            }
        }
        String s = new String(b, p, n, StandardCharsets.UTF_8);
        if (policy == FormatOptions.InvalidUtf8.ERROR && s.indexOf('\uFFFD') >= 0) {
            checkUtf8(b, p, n);
        }
        return s;
    }

    private static void checkUtf8(byte[] b, int p, int n) throws DecodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(b, p, n);
        CoderResult r = decoder.decode(bytes, CharBuffer.allocate(n), true);
        if (r.isError()) {
            int at = bytes.position() - p;
            throw new DecodingException(String.format("text is not valid UTF-8: byte 0x%02X at offset %d of %d "
                    + "(export binary data with hex() or base64Encode(), or allow replacement of invalid bytes)",
                    b[bytes.position()] & 0xFF, at, n));
        }
    }
}
