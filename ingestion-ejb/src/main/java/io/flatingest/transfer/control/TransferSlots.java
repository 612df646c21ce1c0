package io.flatingest.transfer.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limit on transfers running at once on this server ({@code flatingest.transfers.max-concurrent}, default the
 * number of processors). A transfer over the limit is not refused: its execution starts and waits, queued, for a
 * slot (first come, first served), and can be stopped while it waits.
 */
@ApplicationScoped
public class TransferSlots {

    @Inject
    @ConfigProperty(name = "flatingest.transfers.max-concurrent", defaultValue = "0")
    int configured;

    private Semaphore slots;
    private int limit;
    private final AtomicInteger waiting = new AtomicInteger();

    @PostConstruct
    void init() {
        limit = configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors());
        slots = new Semaphore(limit, true);
    }

    /** Takes a slot at once if one is free. */
    public boolean tryAcquire() {
        return slots.tryAcquire();
    }

    /**
     * Waits for a slot.
     *
     * @param cancelled checked every second: true ends the wait without a slot
     * @return whether a slot was taken
     */
    public boolean acquire(BooleanSupplier cancelled) {
        waiting.incrementAndGet();
        try {
            while (!cancelled.getAsBoolean()) {
                if (slots.tryAcquire(1, TimeUnit.SECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives a slot back. */
    public void release() {
        slots.release();
    }

    /** The configured limit. */
    public int limit() {
        return limit;
    }

    /** Transfers waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }

    /** Transfers holding a slot now. */
    public int running() {
        return limit - slots.availablePermits();
    }
}
