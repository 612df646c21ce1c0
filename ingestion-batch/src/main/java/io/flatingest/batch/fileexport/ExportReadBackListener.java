package io.flatingest.batch.fileexport;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Drops an execution's read-back that no verify step took over (the execution stopped or failed in between). */
@Named
@Dependent
public class ExportReadBackListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    ExportReadBacks readBacks;

    @Override
    public void afterJob() {
        readBacks.drop(job.getExecutionId());
    }
}
