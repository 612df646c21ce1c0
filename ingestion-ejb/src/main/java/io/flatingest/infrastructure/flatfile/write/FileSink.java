package io.flatingest.infrastructure.flatfile.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The temporary file, written through a channel and counted; callers write large blocks, so it buffers nothing.
 * Opened fresh (truncated to nothing) or resumed at a checkpointed length (truncated back to it).
 */
final class FileSink extends OutputStream {

    private final FileChannel channel;
    private long position;

    private FileSink(FileChannel channel, long position) {
        this.channel = channel;
        this.position = position;
    }

    static FileSink create(Path file) throws IOException {
        return new FileSink(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING), 0);
    }

    /** Reopens {@code file}, dropping everything after {@code length}: what a failed chunk wrote. */
    static FileSink resume(Path file, long length) throws IOException {
        if (!Files.exists(file)) {
            throw new ExportFileException("cannot restart the export: its temporary file " + file + " is gone");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            throw new ExportFileException("cannot restart the export: its temporary file " + file + " is gone", e);
        }
        try {
            long size = channel.size();
            if (size < length) {
                throw new ExportFileException("cannot restart the export: its temporary file " + file + " has "
                        + size + " bytes, fewer than the " + length + " of the last checkpoint");
            }
            channel.truncate(length);
            channel.position(length);
            return new FileSink(channel, length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
        position += len;
    }

    /** Bytes in the file. */
    long position() {
        return position;
    }

    /** Forces the content to the device. */
    void force() throws IOException {
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
