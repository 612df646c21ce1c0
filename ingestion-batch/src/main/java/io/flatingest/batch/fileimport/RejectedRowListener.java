package io.flatingest.batch.fileimport;

import io.flatingest.transfer.control.TransferProgress;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes every rejected record to the reject file (line, column, value, reason, original record) and enforces the
 * row limit of the error policy (counting earlier executions of the same import): past it, the import fails and
 * publishes nothing.
 */
@Named
@Dependent
public class RejectedRowListener implements SkipProcessListener {

    /** -1 for no limit, 0 to fail on the first bad row, N to fail on the N+1st (default 0). */
    @Inject
    @BatchProperty
    String maxRejectedRows;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    TransferProgress progress;

    @Override
    public void onSkipProcessItem(Object item, Exception ex) {
        RowRejectedException rejected = (RowRejectedException) ex;
        ImportWork work = ImportWork.of(step);
        work.rejects.add(rejected.line(), rejected.column(), rejected.value(), rejected.reason(), rejected.record());
        work.chunkRejected++;
        long total = progress.of(job.getInstanceId()).rejected.incrementAndGet();
        long limit = maxRejectedRows == null || maxRejectedRows.isBlank() ? 0 : Long.parseLong(maxRejectedRows);
        if (limit >= 0 && total > limit) {
            throw new RejectLimitException(limit == 0
                    ? "Rejected " + rejected.describe() + ". The error policy fails the import on the first bad row;"
                    + " nothing was published."
                    : "More than " + limit + " rows were rejected (the last: " + rejected.describe() + "); nothing was"
                    + " published. The rejected rows are in the reject file.");
        }
    }

    /** The error policy's limit was passed. */
    public static class RejectLimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectLimitException(String message) {
            super(message);
        }
    }
}
