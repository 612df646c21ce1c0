package io.flatingest.batch.common;

import io.flatingest.transfer.control.ExecutionRegistry;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Registers the execution with this server when it begins and removes it when it ends (crash recovery). */
@Named
@Dependent
public class ExecutionLifecycleListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    ExecutionRegistry registry;

    @Override
    public void beforeJob() {
        registry.started(job.getExecutionId(), job.getInstanceId());
    }

    @Override
    public void afterJob() {
        registry.ended(job.getExecutionId());
    }
}
