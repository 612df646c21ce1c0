package io.flatingest.transfer.control;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rejected rows of one import partition: one CSV record per bad row with its line number, the column, the
 * offending value, the reason and the original record. Rerun-safe: reopened with a checkpointed length it cuts
 * off whatever a failed chunk wrote after that point.
 */
public final class RejectFile implements AutoCloseable {

    /** The header line of a reject file as users download it. */
    public static final String[] HEADER = {"line", "column", "value", "reason", "record"};

    private final FileChannel channel;
    private final Writer writer;
    private final ICSVWriter csv;

    private RejectFile(FileChannel channel) {
        this.channel = channel;
        OutputStream out = Channels.newOutputStream(channel);
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
    }

    /** Opens (creating if needed) and truncates to {@code length}: the length the last checkpoint recorded. */
    public static RejectFile open(Path file, long length) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.size() > length) {
                channel.truncate(length);
            }
            channel.position(length);
            return new RejectFile(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the reject file " + file, e);
        }
    }

    /** Appends one rejected row. */
    public void add(long line, String column, String value, String reason, String record) {
        csv.writeNext(new String[] {Long.toString(line), column == null ? "" : column, value == null ? "" : value,
                reason, record == null ? "" : record}, false);
    }

    /** Flushes and returns the file length: what a checkpoint stores. */
    public long checkpoint() {
        try {
            csv.flush();
            writer.flush();
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reject file", e);
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the reject file", e);
        }
    }
}
