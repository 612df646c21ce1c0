package io.flatingest.infrastructure.flatfile;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams the records of a CSV or TSV file, plain or gzip-compressed, in any charset, from the beginning or from a
 * checkpointed {@link ReadPosition}, optionally stopping at an end offset (a partition).
 *
 * <p>Every record comes back with its line, number, byte offsets and raw text; a record that cannot be read exactly
 * (unterminated quote, text after a closing quote, too long, undecodable bytes, bad escape) comes back
 * {@link FlatRecord#malformed() malformed} and reading goes on. The reader never holds more than one record (at most
 * {@link ReadOptions#maxRecordSize()} bytes) plus a read buffer. Not thread-safe; one reader per partition.
 */
public final class FlatFileReader implements Closeable {

    private final OpenedInput input;
    private final RecordScanner scanner;
    private final RecordDecoder decoder;
    private final FieldParser parser;
    private final boolean tsvEscapes;
    private final long endOffset;
    private long line;
    private long number;
    /** First line and number of the record {@link #advance()} scanned last. */
    private long recordLine;
    private long recordNumber;
    private Header header;

    private FlatFileReader(OpenedInput input, Dialect dialect, ReadOptions options) {
        this.input = input;
        this.scanner = new RecordScanner(input.stream(), input.offset(), dialect, options.maxRecordSize());
        this.decoder = new RecordDecoder(input.decodeAs(), input.charset());
        this.parser = FieldParser.of(dialect, true);
        this.tsvEscapes = dialect.format() == Dialect.Format.TSV && dialect.escape() == Dialect.EscapeMode.BACKSLASH;
        this.endOffset = options.endOffset();
        this.line = options.start().line();
        this.number = options.start().record();
    }

    /** Opens {@code file} for reading from the beginning. */
    public static FlatFileReader open(Path file, Dialect dialect) throws IOException {
        return open(file, dialect, ReadOptions.defaults());
    }

    /**
     * Opens {@code file}; from the beginning, skips {@link Dialect#skipLines()} lines and reads the header.
     *
     * @throws IllegalArgumentException if the dialect is not valid (see {@link Dialect#validate()})
     */
    public static FlatFileReader open(Path file, Dialect dialect, ReadOptions options) throws IOException {
        List<String> problems = dialect.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid dialect: " + String.join("; ", problems));
        }
        OpenedInput input = OpenedInput.open(file, dialect.charset(), options.start().offset());
        FlatFileReader reader = new FlatFileReader(input, dialect, options);
        try {
            if (options.start().isBeginning()) {
                reader.readPreamble(dialect);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads UTF-8 bytes held in memory (a detection sample) from the beginning. */
    static FlatFileReader overSample(byte[] utf8, Dialect dialect) throws IOException {
        OpenedInput input = new OpenedInput(new ByteArrayInputStream(utf8), 0, 0, StandardCharsets.UTF_8,
                StandardCharsets.UTF_8, false);
        FlatFileReader reader = new FlatFileReader(input, dialect,
                ReadOptions.defaults().withMaxRecordSize(Math.max(16, utf8.length)));
        reader.readPreamble(dialect);
        return reader;
    }

    private void readPreamble(Dialect dialect) throws IOException {
        for (int i = 0; i < dialect.skipLines() && scanner.skipLine(); i++) {
            line++;
        }
        if (dialect.header() && scanner.next()) {
            header = toHeader(FieldParser.of(dialect, false));
            line += scanner.breaks + 1;
        }
    }

    /** The header, when the dialect has one and this reader started at the beginning. */
    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    /** The next record, or null at the end of the file or of the partition. */
    public FlatRecord read() throws IOException {
        if (!advance()) {
            return null;
        }
        long first = recordLine;
        String raw = null;
        String[] fields = null;
        String problem = scanner.problem == null ? null : scanner.problem.describe(first);
        if (problem == null) {
            raw = decoder.decode(scanner.text, scanner.textStart, scanner.textEnd);
            problem = raw == null ? decoder.problem + " (line " + first + ")" : null;
        }
        if (problem == null) {
            try {
                fields = parser.parse(raw, scanner.needsNormalizing);
            } catch (MalformedRecordException e) {
                problem = e.getMessage() + " (line " + first + ")";
            }
        }
        if (raw == null) {
            raw = decoder.lenient(scanner.text, scanner.textStart, scanner.textEnd);
        }
        return new FlatRecord(first, line - 1, recordNumber, scanner.startOffset, scanner.nextOffset, raw, fields,
                problem);
    }

    /**
     * Scans the next record and tells whether {@link #read()} would find it well-formed, with the same problem
     * sentence when not, without splitting it into fields: for counting and verifying a whole file. The record's
     * structure comes from the scanner (quotes closed, nothing after a closing quote, not too long) and its bytes
     * are checked against the charset without building its text. Splitting a record that passed both can only fail
     * on a TSV backslash escape ({@code \x} without two hex digits or beyond ASCII, a backslash at the very end); a
     * record that could hold one is decoded and split as {@code read()} does. Splitting CSV cannot fail once the
     * scanner accepted the record (opencsv's RFC 4180 parser never rejects a line).
     *
     * @return the record's lines, number and problem (null when well-formed), or null at the end of the file or of
     *         the partition
     */
    public RecordCheck check() throws IOException {
        if (!advance()) {
            return null;
        }
        long first = recordLine;
        String problem = scanner.problem == null ? null : scanner.problem.describe(first);
        if (problem == null && !decoder.check(scanner.text, scanner.textStart, scanner.textEnd)) {
            problem = decoder.problem + " (line " + first + ")";
        }
        if (problem == null && tsvEscapes && mayHoldBadEscape(scanner.text, scanner.textStart, scanner.textEnd)) {
            try {
                parser.parse(decoder.decode(scanner.text, scanner.textStart, scanner.textEnd), scanner.needsNormalizing);
            } catch (MalformedRecordException e) {
                problem = e.getMessage() + " (line " + first + ")";
            }
        }
        return new RecordCheck(first, line - 1, recordNumber, problem);
    }

    /** Whether the bytes hold an escape {@code \x} or end with a backslash that escapes nothing. */
    private static boolean mayHoldBadEscape(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                if (i + 1 >= to || b[i + 1] == 'x') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** Scans past the next record without decoding it; false at the end. For {@link RecordBoundaries}. */
    boolean skip() throws IOException {
        return advance();
    }

    /**
     * Scans the next record and numbers it: its first line and number in {@link #recordLine} and
     * {@link #recordNumber}, while {@link #line} and {@link #number} move past it. False at the end.
     */
    private boolean advance() throws IOException {
        if (endOffset >= 0 && scanner.position() >= endOffset || !scanner.next()) {
            return false;
        }
        recordLine = line;
        recordNumber = number;
        line += scanner.breaks + 1;
        number++;
        return true;
    }

    /** Where the next record starts: store this as the checkpoint after the last record handed out. */
    public ReadPosition position() {
        return new ReadPosition(scanner.position(), line, number);
    }

    /** The file's charset: the configured one, or the one its byte-order mark announces. */
    public Charset charset() {
        return input.charset();
    }

    /** Whether the file is gzip-compressed (offsets are then in the inflated bytes). */
    public boolean compressed() {
        return input.compressed();
    }

    /** Whether the text is transcoded to UTF-8 (offsets are then in the UTF-8 bytes). */
    public boolean transcoded() {
        return input.transcoded();
    }

    /** Whether offsets are plain file offsets, so partitions can seek. */
    boolean plain() {
        return input.plain();
    }

    @Override
    public void close() throws IOException {
        input.stream().close();
    }

    private Header toHeader(FieldParser textParser) {
        long headerLine = line;
        List<String> problems = new ArrayList<>();
        String text = decoder.decode(scanner.text, scanner.textStart, scanner.textEnd);
        if (text == null) {
            problems.add("header: " + decoder.problem);
            text = decoder.lenient(scanner.text, scanner.textStart, scanner.textEnd);
        }
        String[] fields = {text};
        if (scanner.problem != null) {
            problems.add("header: " + scanner.problem.describe(headerLine));
        } else {
            try {
                fields = textParser.parse(text, scanner.needsNormalizing);
            } catch (MalformedRecordException e) {
                problems.add("header: " + e.getMessage());
            }
        }
        List<String> names = new ArrayList<>();
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i] == null ? "" : fields[i].replace("\uFEFF", "").strip();
            names.add(name);
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has an empty name");
            } else {
                columns.computeIfAbsent(name, k -> new ArrayList<>()).add(i + 1);
            }
        }
        columns.forEach((name, at) -> {
            if (at.size() > 1) {
                problems.add("column name '" + name + "' is used by columns " + at);
            }
        });
        return new Header(names, problems, headerLine);
    }
}
