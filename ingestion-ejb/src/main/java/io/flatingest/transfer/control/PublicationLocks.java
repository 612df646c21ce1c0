package io.flatingest.transfer.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes the publications of imports into the same target table on this server, so that each one's
 * reconciliation (rows in the target before and after) sees only its own rows arrive: two imports of one schedule,
 * or two operators loading files into one table, would otherwise each count the other's rows and report a mismatch.
 * Writers outside this server (other cluster members, other tools) are not held back; a mismatch they cause is
 * still reported, as it should be.
 */
@ApplicationScoped
public class PublicationLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code work} while no other publication into {@code connection}'s {@code database.table} runs here. */
    public <T> T whilePublishing(String connection, String database, String table, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(connection + "\u0000" + database + "\u0000" + table,
                key -> new ReentrantLock(true));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
