package io.flatingest.batch.fileexport;

import io.flatingest.batch.common.SingleThread;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.RecordTally;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The export's file read back while it is written: after every committed chunk, a thread of its own checks the
 * records up to the checkpointed length ({@link RecordTally}), so that the verify step finds most of the file counted
 * and reads only what is left. Held per job execution from the export step to the verify step of the same execution;
 * an execution whose export step does not complete drops its read-back, and a restarted execution's verify step
 * reads the whole file.
 */
@ApplicationScoped
public class ExportReadBacks {

    private static final Logger LOG = Logger.getLogger(ExportReadBacks.class.getName());

    private final Map<Long, ReadBack> byExecution = new ConcurrentHashMap<>();

    /** How the verify step reads an export file: the dialect the file was written in, no null tokens. */
    static Dialect dialectOf(ExportFileOptions o) {
        Dialect dialect = o.format() == ExportFileOptions.Format.TSV ? Dialect.tsv().withHeader(o.header())
                : Dialect.csv().withDelimiter(o.delimiter()).withQuote(o.quoteChar()).withHeader(o.header())
                .withNullTokens(Set.of());
        return dialect.withEncoding(o.charset().name());
    }

    /** Starts reading back the temporary file of an execution (not for gzip files, which cannot be read in parts). */
    ReadBack start(long executionId, Path file, ExportFileOptions options, ThreadFactory threads) {
        ReadBack readBack = new ReadBack(new RecordTally(file, dialectOf(options)), threads);
        ReadBack previous = byExecution.put(executionId, readBack);
        if (previous != null) {
            previous.cancel();
        }
        return readBack;
    }

    /** Stops and forgets the execution's read-back: its export step did not complete. */
    void drop(long executionId) {
        ReadBack readBack = byExecution.remove(executionId);
        if (readBack != null) {
            readBack.cancel();
        }
    }

    /**
     * Waits for the execution's read-back to catch up and hands over its tally, to be finished with
     * {@link RecordTally#toEnd()}; empty when there is none (gzip, a restarted verify step) or it failed.
     */
    Optional<RecordTally> finish(long executionId) throws InterruptedException {
        ReadBack readBack = byExecution.remove(executionId);
        return readBack == null ? Optional.empty() : readBack.finish();
    }

    /** One execution's read-back: stretches checked one after the other on one thread. */
    static final class ReadBack {

        private final RecordTally tally;
        private final ExecutorService thread;
        /** Written by the read-back thread, read after its termination. */
        private Exception failure;

        ReadBack(RecordTally tally, ThreadFactory threads) {
            this.tally = tally;
            this.thread = SingleThread.named(threads, "flatingest-export-read-back");
        }

        /**
         * Checks, in the background, the records before {@code committedLength} (nothing, at no cost, for a file that
         * cannot be read in stretches: {@link RecordTally#upTo} says so without opening it again).
         */
        void committed(long committedLength) {
            thread.execute(() -> {
                if (failure != null) {
                    return;
                }
                try {
                    tally.upTo(committedLength);
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
            });
        }

        Optional<RecordTally> finish() throws InterruptedException {
            thread.shutdown();
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.fine("still reading the export back");
            }
            if (failure != null) {
                LOG.log(Level.WARNING, "Reading the export back while it was written failed; the verify step reads"
                        + " the whole file", failure);
                return Optional.empty();
            }
            return Optional.of(tally);
        }

        void cancel() {
            thread.shutdownNow();
        }
    }
}
