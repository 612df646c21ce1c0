package io.flatingest.infrastructure.flatfile.write;

import io.flatingest.infrastructure.clickhouse.type.ClickHouseTextEscaper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Writes one export file, all or nothing and restartable.
 *
 * <p>Rows go to {@code .<name>.part} next to the final file. {@link #checkpoint()} makes everything written so far
 * durable against a failed chunk and returns its byte length; {@link #open} with that checkpoint truncates the
 * temporary file back to it, so that rows written after the checkpoint by a failed attempt are removed before they
 * are written again. {@link #commit()} renames the temporary file to the final name atomically; before that, no file
 * of the final name appears. Not thread-safe: one writer per step.
 *
 * <p>A checkpoint flushes to the operating system but does not force to the device (forcing every chunk would cost
 * more than the export); a restart after a machine crash that lost the tail finds the file shorter than the
 * checkpoint and says so. {@link #commit()} forces the file before renaming.
 */
public final class ExportFileWriter implements Closeable {

    private final Path target;
    private final Path temp;
    private final List<ExportColumn> columns;
    private final ExportFileOptions options;
    private final FileSink sink;
    private final GzipMembers gzip;
    private final TextEncoder text;
    private final ExportCsvWriter csv;
    private final boolean tsv;
    private final String nullMarker;
    private final String[] line;
    /** Whether {@link CsvLines} may build this file's lines ({@link #writeLines}). */
    private final boolean lines;
    private long rows;
    private boolean failed;
    private boolean closed;

    private ExportFileWriter(Path target, List<ExportColumn> columns, ExportFileOptions options, FileSink sink,
                             ExportFileCheckpoint checkpoint) {
        this.target = target;
        this.temp = temporaryFileFor(target);
        this.columns = columns;
        this.options = options;
        this.sink = sink;
        this.gzip = options.gzip() ? new GzipMembers(sink, options.compressionLevel(), sink.position() > 0) : null;
        OutputStream below = gzip != null ? gzip : sink;
        this.text = new TextEncoder(below, options.charset(), checkpoint == null ? 0 : checkpoint.textBytes());
        this.tsv = options.format() == ExportFileOptions.Format.TSV;
        this.nullMarker = options.nullToken().isEmpty() ? null : new String(options.nullToken()); // own identity
        this.csv = new ExportCsvWriter(text, options, nullMarker);
        this.line = new String[columns.size()];
        this.lines = CsvLines.supports(options);
        this.rows = checkpoint == null ? 0 : checkpoint.rows();
    }

    /**
     * Opens the export of {@code target}: fresh (writing BOM and header) when {@code checkpoint} is null, else
     * resuming the temporary file of an earlier attempt at that checkpoint.
     *
     * @throws FileAlreadyExistsException when {@code target} exists and the options do not allow overwriting
     * @throws ExportFileException        when resuming and the temporary file is gone or shorter than the checkpoint
     */
    public static ExportFileWriter open(Path target, List<ExportColumn> columns, ExportFileOptions options,
                                        ExportFileCheckpoint checkpoint) throws IOException {
        Objects.requireNonNull(options, "options");
        List<ExportColumn> cols = List.copyOf(columns);
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("an export file needs at least one column");
        }
        Path file = target.toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a file name: " + target);
        }
        if (!options.overwrite() && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "the export file exists already");
        }
        Path temp = temporaryFileFor(file);
        FileSink sink = checkpoint == null ? FileSink.create(temp) : FileSink.resume(temp, checkpoint.fileLength());
        ExportFileWriter writer = new ExportFileWriter(file, cols, options, sink, checkpoint);
        if (checkpoint == null) {
            try {
                writer.start();
            } catch (IOException | RuntimeException e) {
                writer.closeQuietly();
                throw e;
            }
        }
        return writer;
    }

    /** The temporary file an export of {@code target} is written to: {@code .<name>.part} in the same directory. */
    public static Path temporaryFileFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    private void start() throws IOException {
        if (options.bom()) {
            text.write("\uFEFF");
        }
        if (options.header()) {
            String[] names = new String[columns.size()];
            for (int i = 0; i < names.length; i++) {
                String n = columns.get(i).name();
                names[i] = tsv ? ClickHouseTextEscaper.escape(n) : n;
            }
            emit(names, 0);
        }
    }

    /**
     * Writes one row. {@code values[i]} is the text of column i, null for NULL.
     *
     * @throws ExportFileException when a character cannot be encoded in the file's charset; the writer is then
     *                             unusable and the step must restart from its last checkpoint
     */
    public void writeRow(String[] values) throws IOException {
        ensureUsable();
        if (values.length != line.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + line.length + " columns");
        }
        for (int i = 0; i < line.length; i++) {
            String v = values[i];
            line[i] = v == null ? nullMarker : tsv && !columns.get(i).literal() ? ClickHouseTextEscaper.escape(v) : v;
        }
        emit(line, rows + 1);
        rows++;
    }

    /**
     * Writes {@code rows} whole lines that {@link CsvLines} built for this file's options ({@code len} bytes of
     * {@code text} from {@code off}): the same bytes {@link #writeRow} would write for their values.
     *
     * @throws IllegalStateException when the options are not ones {@link CsvLines#supports}, so that lines built
     *                               for another file cannot slip in unnoticed
     */
    public void writeLines(byte[] text, int off, int len, int rows) throws IOException {
        ensureUsable();
        if (!lines) {
            throw new IllegalStateException("lines are written only to UTF-8 files with an ASCII delimiter and quote");
        }
        this.text.writeBytes(text, off, len);
        this.rows += rows;
    }

    private void emit(String[] fields, long rowNumber) throws IOException {
        try {
            csv.writeNext(fields, false);
        } catch (TextEncoder.Unencodable e) {
            failed = true;
            throw unencodable(e.codePoint(), fields, rowNumber);
        }
        IOException e = csv.getException();
        if (e != null) {
            failed = true;
            throw e;
        }
    }

    /** Flushes everything written and returns where a restart resumes. */
    public ExportFileCheckpoint checkpoint() throws IOException {
        ensureUsable();
        text.drain();
        if (gzip != null) {
            gzip.finishMember();
        }
        return new ExportFileCheckpoint(sink.position(), rows, text.written());
    }

    /**
     * Completes the file, forces it to the device and renames it atomically to its final name.
     *
     * @return the final file
     * @throws FileAlreadyExistsException when the final file appeared meanwhile and overwriting is not allowed; the
     *                                    temporary file stays
     */
    public Path commit() throws IOException {
        finish();
        return publish(target, options.overwrite());
    }

    /**
     * Completes the temporary file (flushed, a final gzip member, forced to disk) without renaming it, so that it
     * can be checked before {@link #publish} makes it visible under the target name.
     *
     * @return the temporary file
     */
    public Path finish() throws IOException {
        ensureUsable();
        text.drain();
        if (gzip != null) {
            gzip.finishMember();
            gzip.ensureMember();
        }
        sink.force();
        closed = true;
        sink.close();
        return temp;
    }

    /**
     * Renames the finished temporary file of {@code target} to {@code target}, atomically.
     *
     * @throws FileAlreadyExistsException when the target appeared meanwhile and {@code overwrite} is off
     */
    public static Path publish(Path target, boolean overwrite) throws IOException {
        Path temp = temporaryFileFor(target);
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), temp.toString(),
                    "the export file appeared while exporting; the export is kept as the temporary file");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE); // replaces on POSIX: overwrite was checked
        forceDirectory(target.getParent());
        return target;
    }

    /** Closes without committing: the temporary file stays, as it is, for a restart from the last checkpoint. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                text.drain();
            }
        } finally {
            if (gzip != null) {
                gzip.abandon();
            }
            sink.close();
        }
    }

    /** Closes without committing and deletes the temporary file: the export is given up. */
    public void abort() throws IOException {
        closeQuietly();
        Files.deleteIfExists(temp);
    }

    /** Data rows written, header excluded (counting rows of earlier attempts up to the checkpoint). */
    public long rowsWritten() {
        return rows;
    }

    /** Bytes in the file so far (compressed when gzip; exact after a checkpoint or commit). */
    public long bytesWritten() {
        return sink.position();
    }

    /** Bytes of text so far, before compression. */
    public long textBytesWritten() {
        return text.written();
    }

    public Path target() {
        return target;
    }

    public Path temporaryFile() {
        return temp;
    }

    private void ensureUsable() {
        if (closed) {
            throw new IllegalStateException("export file writer is closed");
        }
        if (failed) {
            throw new IllegalStateException("export file writer failed: restart from the last checkpoint");
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // giving up anyway
        }
    }

    private ExportFileException unencodable(int codePoint, String[] fields, long rowNumber) {
        CharsetEncoder probe = options.charset().newEncoder();
        String column = null;
        for (int i = 0; i < fields.length && column == null; i++) {
            if (fields[i] != null && !probe.canEncode(fields[i])) {
                column = columns.get(i).name();
            }
        }
        String what = Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF
                ? String.format("an unpaired surrogate U+%04X", codePoint)
                : String.format("the character U+%04X '%s'", codePoint, new String(Character.toChars(codePoint)));
        return new ExportFileException((rowNumber == 0 ? "header" : "row " + rowNumber)
                + (column == null ? "" : ", column " + column) + ": " + what + " cannot be written in "
                + options.charset().name());
    }

    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true); // makes the rename itself durable where the platform allows it
        } catch (IOException | UnsupportedOperationException ignored) {
            // not supported for directories everywhere; the rename is still atomic
        }
    }
}
