package io.flatingest.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of running transfers, updated by the batch artifacts at every chunk (the batch runtime's own step
 * metrics read 0 until a step ends) and read by whoever shows progress. Keyed by job instance, so a restarted
 * execution continues the same counters.
 */
@ApplicationScoped
public class TransferProgress {

    private final Map<Long, Counters> running = new ConcurrentHashMap<>();

    /** The counters of an instance, created on first use. */
    public Counters of(long instance) {
        return running.computeIfAbsent(instance, i -> new Counters());
    }

    /** The counters of an instance, if it has any in this server. */
    public Optional<Counters> find(long instance) {
        return Optional.ofNullable(running.get(instance));
    }

    /** Drops an instance's counters once its execution ended. */
    public void forget(long instance) {
        running.remove(instance);
    }

    /** Counters of one transfer. */
    public static final class Counters {
        /** QUEUED while waiting for a transfer slot, RUNNING afterwards. */
        public volatile String state = "RUNNING";
        /** When this server began running the current execution. */
        public volatile java.time.Instant started = java.time.Instant.now();
        private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();
        /** Records read (all partitions, this execution and before). */
        public final AtomicLong read = new AtomicLong();
        /** Rows written (staged for imports, into the file for exports). */
        public final AtomicLong written = new AtomicLong();
        /** Rows rejected. */
        public final AtomicLong rejected = new AtomicLong();
        /** Source bytes done (file bytes for imports). */
        public final AtomicLong bytesDone = new AtomicLong();
        /** Source bytes in total, 0 when unknown. */
        public final AtomicLong bytesTotal = new AtomicLong();

        /** Records a point for the current throughput (called at every chunk). */
        public synchronized void sample() {
            samples.addLast(new long[] {System.nanoTime(), written.get(), bytesDone.get()});
            while (samples.size() > 20) {
                samples.removeFirst();
            }
        }

        /** Rows per second over the last chunks (up to 20), 0 before two samples exist. */
        public synchronized double rowsPerSecond() {
            return rate(1);
        }

        /** Source bytes per second over the last chunks, 0 before two samples exist. */
        public synchronized double bytesPerSecond() {
            return rate(2);
        }

        private double rate(int index) {
            if (samples.size() < 2) {
                return 0;
            }
            long[] first = samples.peekFirst();
            long[] last = samples.peekLast();
            double seconds = (last[0] - first[0]) / 1e9;
            return seconds <= 0 ? 0 : (last[index] - first[index]) / seconds;
        }
    }
}
