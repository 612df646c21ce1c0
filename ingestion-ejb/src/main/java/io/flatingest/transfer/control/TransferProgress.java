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
    }
}
