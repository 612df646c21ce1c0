package io.flatingest.batch.fileimport;

import io.flatingest.transfer.control.ImportLedger;
import io.flatingest.transfer.control.TransferProgress;
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

    @Override
    public void beforeChunk() {
        PartitionWork.of(step).startChunk();
    }

    @Override
    public void afterChunk() {
        PartitionWork work = PartitionWork.of(step);
        if (work.chunkId < 0) {
            return; // the partition had nothing left to read
        }
        ledger.record(job.getInstanceId(), work.chunkId, work.chunkAttempt, work.chunkRows, work.chunkRejected);
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        counters.read.addAndGet(work.chunkRows + work.chunkRejected);
        counters.bytesDone.addAndGet(work.chunkBytes);
    }
}
