package io.flatingest.transfer.control;

import io.flatingest.transfer.entity.TransferTotals;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Running totals of transfers in the application database. */
@Stateless
public class TransferTotalsStore {

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    /**
     * Adds one chunk's counts; must run in the chunk's transaction so that the totals commit with the checkpoint.
     *
     * @param inPosition  the source position after the chunk (file offset), or -1 to add {@code 0}
     * @param outPosition the target position after the chunk (file length), or -1
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void addChunk(long instance, long read, long written, long rejected, long inPosition, long outPosition) {
        TransferTotals t = em.find(TransferTotals.class, instance, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            t = new TransferTotals(instance);
            em.persist(t);
        }
        t.add(read, written, rejected, 0, 0);
        t.positions(inPosition, outPosition);
    }

    /** Forgets totals counted by chunks that a restart does again (an export that starts over). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reset(long instance) {
        TransferTotals t = em.find(TransferTotals.class, instance);
        if (t != null) {
            em.remove(t);
        }
    }

    /** The totals of a transfer, if any chunk committed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Totals> find(long instance) {
        TransferTotals t = em.find(TransferTotals.class, instance);
        return t == null ? Optional.empty() : Optional.of(new Totals(t.getRowsRead(), t.getRowsWritten(),
                t.getRowsRejected(), t.getBytesRead(), t.getBytesWritten()));
    }

    /** A snapshot of the totals. */
    public record Totals(long rowsRead, long rowsWritten, long rowsRejected, long bytesRead, long bytesWritten) {
    }
}
