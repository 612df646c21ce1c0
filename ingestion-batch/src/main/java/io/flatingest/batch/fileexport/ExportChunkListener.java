package io.flatingest.batch.fileexport;

import io.flatingest.report.control.ReportStore;
import io.flatingest.transfer.control.ExecutionRegistry;
import io.flatingest.transfer.control.TransferProgress;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Adds each chunk's rows to the export's totals inside the chunk's transaction, publishes live progress, and has the
 * file read back up to the chunk's checkpoint ({@link ExportReadBacks}).
 */
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

    @Inject
    ReportStore reports;

    @Override
    public void beforeChunk() {
        ExportWork work = ExportWork.of(step);
        work.chunkRead = 0;
        work.chunkWritten = 0;
        work.previousFileLength = work.fileLength;
        work.chunkStarted = System.nanoTime();
    }

    @Override
    public void afterChunk() {
        ExportWork work = ExportWork.of(step);
        totals.addChunk(job.getInstanceId(), work.chunkRead, work.chunkWritten, 0, -1, work.fileLength);
        TransferProgress.Counters counters = progress.of(job.getInstanceId());
        counters.read.addAndGet(work.chunkRead);
        counters.written.addAndGet(work.chunkWritten);
        counters.bytesDone.set(work.fileLength);
        counters.sample();
        reports.chunk(job.getExecutionId(), ++work.chunkSeq, job.getInstanceId(),
                (System.nanoTime() - work.chunkStarted) / 1_000_000, work.chunkWritten,
                work.fileLength - work.previousFileLength);
        registry.alive(job.getExecutionId());
        if (work.readBack != null) {
            work.readBack.committed(work.checkpointLength);
        }
    }
}
