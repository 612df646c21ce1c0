package io.flatingest.batch.fileexport;

import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Adds each chunk's rows to the export's totals inside the chunk's transaction, and publishes live progress. */
@Named
@Dependent
public class ExportChunkListener extends AbstractChunkListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    TransferTotalsStore totals;

    @Inject
    TransferProgress progress;

    @Inject
    ExecutionRegistry registry;

    @Override
    public void beforeChunk() {
        ExportWork work = ExportWork.of(step);
        work.chunkRead = 0;
        work.chunkWritten = 0;
    }

    @Override
    public void afterChunk() {
        ExportWork work = ExportWork.of(step);
        totals.addChunk(job.getInstanceId(), work.chunkRead, work.chunkWritten, 0, -1, work.fileLength);
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        counters.read.addAndGet(work.chunkRead);
        counters.written.addAndGet(work.chunkWritten);
        counters.bytesDone.set(work.fileLength);
        registry.alive(job.getExecutionId());
    }
}
