package io.flatingest.batch.fileimport;

import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes the ledger entry of every chunk (which attempt's staged rows count, how many rows were rejected) inside the
 * transaction that commits the checkpoint past it, once ClickHouse confirmed its rows (see {@link StagingInserts}),
 * and publishes live progress.
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

    /**
     * Records the chunks ClickHouse confirmed (this one, at the end of the file or on a stop, else the previous one)
     * and moves the checkpoint past them, in this chunk's transaction.
     */
    @Override
    public void afterChunk() {
        ImportWork work = ImportWork.of(step);
        if (work.chunkId >= 0 && !work.handedOver) {
            work.inserts.submit(work.seal(0), null); // every record rejected: nothing to insert
        }
        if (work.endOfInput || job.getBatchStatus() == BatchStatus.STOPPING) {
            work.inserts.awaitAll();
        }
        long began = System.nanoTime();
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        for (StagedChunk chunk : work.inserts.takeConfirmed()) {
            ledger.record(job.getInstanceId(), chunk.id(), chunk.attempt(), chunk.rows(), chunk.rejected());
            totals.addChunk(job.getInstanceId(), chunk.rows() + chunk.rejected(), chunk.rows(), chunk.rejected(),
                    chunk.after().position().offset(), -1);
            work.confirmed = chunk.after();
            counters.read.addAndGet(chunk.rows() + chunk.rejected());
            counters.written.addAndGet(chunk.rows());
            counters.bytesDone.addAndGet(chunk.bytes());
            counters.sample();
            reports.chunk(job.getExecutionId(), ++work.chunkSeq, job.getInstanceId(),
                    (System.nanoTime() - chunk.startedNanos()) / 1_000_000, chunk.rows() + chunk.rejected(),
                    chunk.bytes());
            work.timings.rows += chunk.rows();
        }
        work.timings.ledgerNanos += System.nanoTime() - began;
        registry.alive(job.getExecutionId());
        work.timings.chunkEnded();
    }
}
