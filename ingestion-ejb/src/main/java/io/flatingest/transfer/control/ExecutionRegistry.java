package io.flatingest.transfer.control;

import io.flatingest.transfer.entity.RunningExecution;
import jakarta.inject.Inject;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which server runs which execution, with a heartbeat: after a crash, a restarting server recognises its own dead
 * executions at once, and another server's by a heartbeat older than the recovery timeout.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExecutionRegistry {

    /** Heartbeats are written at most this often per execution. */
    static final Duration BEAT_INTERVAL = Duration.ofSeconds(10);

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    ServerIdentity server;

    private final Map<Long, Instant> lastBeat = new ConcurrentHashMap<>();

    /** An execution began on this server. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(long executionId, long instanceId) {
        RunningExecution existing = em.find(RunningExecution.class, executionId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new RunningExecution(executionId, instanceId, server.id()));
        lastBeat.put(executionId, Instant.now());
    }

    /** The execution is alive (cheap to call at every chunk: writes at most every few seconds). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void alive(long executionId) {
        Instant now = Instant.now();
        Instant last = lastBeat.get(executionId);
        if (last != null && Duration.between(last, now).compareTo(BEAT_INTERVAL) < 0) {
            return;
        }
        lastBeat.put(executionId, now);
        RunningExecution e = em.find(RunningExecution.class, executionId);
        if (e != null) {
            e.beat();
        }
    }

    /** An execution ended (whatever its outcome). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(long executionId) {
        lastBeat.remove(executionId);
        RunningExecution e = em.find(RunningExecution.class, executionId);
        if (e != null) {
            em.remove(e);
        }
    }

    /** Every registered execution. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<RunningExecution> all() {
        return em.createQuery("SELECT r FROM RunningExecution r", RunningExecution.class).getResultList();
    }

    /** This server's identity. */
    public String serverId() {
        return server.id();
    }
}
