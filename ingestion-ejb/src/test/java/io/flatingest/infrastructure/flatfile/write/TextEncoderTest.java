package io.flatingest.infrastructure.flatfile.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // the encoder once looped forever with exactly 4 bytes left in its buffer
class TextEncoderTest {

    @Test
    void utf8MatchesTheJdkAcrossManyBufferBoundaries() throws IOException {
        assertSameAsJdk(StandardCharsets.UTF_8, "aé€𝄞?\u0000\u007f\u0080\u07ff\u0800\uffff");
    }

    @Test
    void otherCharsetsMatchTheJdkAcrossManyBufferBoundaries() throws IOException {
        assertSameAsJdk(Charset.forName("windows-1252"), "aé€ü\"ß");
        assertSameAsJdk(StandardCharsets.UTF_16LE, "aé€𝄞");
    }

    @Test
    void refusesWhatTheCharsetCannotHold() {
        TextEncoder latin = new TextEncoder(new ByteArrayOutputStream(), StandardCharsets.ISO_8859_1, 0);
        TextEncoder.Unencodable e = assertThrows(TextEncoder.Unencodable.class, () -> latin.write("ok €"));
        assertEquals('€', e.codePoint());
        TextEncoder utf8 = new TextEncoder(new ByteArrayOutputStream(), StandardCharsets.UTF_8, 0);
        assertThrows(TextEncoder.Unencodable.class, () -> utf8.write("x\uDC00"));
        assertThrows(TextEncoder.Unencodable.class, () -> utf8.write("x\uD800"));
        assertThrows(TextEncoder.Unencodable.class, () -> utf8.write("\uD800x"));
    }

    /** Lines of every length, so that every offset of the 64 KiB buffer meets every kind of character. */
    private static void assertSameAsJdk(Charset charset, String alphabet) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextEncoder encoder = new TextEncoder(out, charset, 0);
        StringBuilder all = new StringBuilder();
        int[] cps = alphabet.codePoints().toArray();
        for (int line = 0; line < 20_000; line++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? cps[random.nextInt(cps.length)] : 'a' + j % 26);
            }
            String s = sb.append('\n').toString();
            encoder.write(s);
            all.append(s);
        }
        encoder.flush();
        byte[] expected = all.toString().getBytes(charset);
        assertArrayEquals(expected, out.toByteArray());
        assertEquals(expected.length, encoder.written());
    }
}
