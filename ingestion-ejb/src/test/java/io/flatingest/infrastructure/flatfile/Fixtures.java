package io.flatingest.infrastructure.flatfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test helpers: write files, read them back completely. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String text, Charset charset) {
        return write(dir, name, text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static List<FlatRecord> readAll(Path file, Dialect dialect) throws IOException {
        return readAll(file, dialect, ReadOptions.defaults());
    }

    static List<FlatRecord> readAll(Path file, Dialect dialect, ReadOptions options) throws IOException {
        List<FlatRecord> records = new ArrayList<>();
        try (FlatFileReader reader = FlatFileReader.open(file, dialect, options)) {
            for (FlatRecord r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        }
        return records;
    }

    /** Fields of every record, a malformed one as a single "!problem" entry, for compact assertions. */
    static List<List<String>> rows(List<FlatRecord> records) {
        List<List<String>> rows = new ArrayList<>();
        for (FlatRecord r : records) {
            rows.add(r.malformed() ? List.of("!" + r.problem()) : Arrays.asList(r.fields()));
        }
        return rows;
    }

    static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    /** A comparable summary of a record: everything except the array identity. */
    static String describe(FlatRecord r) {
        return r.line() + "-" + r.lastLine() + " #" + r.number() + " @" + r.startOffset() + ".." + r.nextOffset()
                + " " + (r.malformed() ? "!" + r.problem() : Arrays.toString(r.fields())) + " raw=" + r.rawText();
    }
}
