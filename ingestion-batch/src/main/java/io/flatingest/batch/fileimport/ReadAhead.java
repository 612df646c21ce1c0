package io.flatingest.batch.fileimport;

import io.flatingest.batch.common.BatchesAhead;
import io.flatingest.infrastructure.flatfile.FlatFileReader;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Parses records on a thread of its own, a bounded number of batches ahead of the consumer ({@link BatchesAhead}).
 * Empty lines are dropped here. A failure of the parsing thread reaches the consumer on its next call; closing stops
 * the thread and closes the file.
 */
final class ReadAhead implements AutoCloseable {

    private static final int BATCH = 2048;
    private static final int BATCHES_AHEAD = 16;

    private final FlatFileReader reader;
    private final BatchesAhead<List<FlatRecord>> ahead;
    private List<FlatRecord> current = List.of();
    private int index;

    ReadAhead(FlatFileReader reader, ThreadFactory threads) {
        this.reader = reader;
        this.ahead = new BatchesAhead<>(this::parse, BATCHES_AHEAD, "flatingest-read-ahead",
                "Interrupted while reading the file", "Reading the file failed", false, threads);
    }

    /** The next record, or null at the end of the file. */
    FlatRecord next() throws IOException {
        while (index >= current.size()) {
            current = ahead.next();
            index = 0;
            if (current == null) {
                current = List.of();
                return null;
            }
        }
        return current.get(index++);
    }

    /** The next batch of records, null at the end; a failure loses the records of its batch, read again on restart. */
    private List<FlatRecord> parse() throws IOException {
        List<FlatRecord> batch = new ArrayList<>(BATCH);
        FlatRecord record;
        while (batch.size() < BATCH && (record = reader.read()) != null) {
            if (record.blank() && !record.malformed()) {
                continue; // empty lines carry no row
            }
            batch.add(record);
        }
        return batch.isEmpty() ? null : batch;
    }

    /** Time the consumer waited for parsed records. */
    long waitNanos() {
        return ahead.waitNanos();
    }

    /** Time the parsing thread spent reading and parsing (known once it ended). */
    long busyNanos() {
        return ahead.busyNanos();
    }

    /** Time the parsing thread waited for room in the queue (known once it ended). */
    long blockedNanos() {
        return ahead.blockedNanos();
    }

    @Override
    public void close() throws IOException {
        ahead.close();
        reader.close();
    }
}
