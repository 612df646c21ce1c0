package io.flatingest.batch.fileimport;

import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes the ledger entry of every chunk (which attempt's staged rows count, how many rows were rejected) inside the
 * chunk's transaction — the same transaction that commits the checkpoint — and publishes live progress.
 */
@Named
@Dependent
public class ImportChunkListener extends AbstractChunkListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ImportLedger ledger;

    @Inject
    TransferProgress progress;

    @Inject
    ExecutionRegistry registry;

    @Inject
    TransferTotalsStore totals;

    @Inject
    ReportStore reports;

    @Override
    public void beforeChunk() {
        ImportWork.of(step).startChunk();
    }

    @Override
    public void afterChunk() {
        ImportWork work = ImportWork.of(step);
        if (work.chunkId < 0) {
            work.timings.chunkEnded();
            return; // nothing was left to read
        }
        long began = System.nanoTime();
        ledger.record(job.getInstanceId(), work.chunkId, work.chunkAttempt, work.chunkRows, work.chunkRejected);
        totals.addChunk(job.getInstanceId(), work.chunkRows + work.chunkRejected, work.chunkRows, work.chunkRejected,
                work.position, -1);
        work.timings.ledgerNanos += System.nanoTime() - began;
        work.timings.rows += work.chunkRows;
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        counters.read.addAndGet(work.chunkRows + work.chunkRejected);
        counters.bytesDone.addAndGet(work.chunkBytes);
        counters.sample();
        reports.chunk(job.getExecutionId(), ++work.chunkSeq, job.getInstanceId(),
                (System.nanoTime() - work.chunkStarted) / 1_000_000, work.chunkRows + work.chunkRejected, work.chunkBytes);
        registry.alive(job.getExecutionId());
        work.timings.chunkEnded();
    }
}
