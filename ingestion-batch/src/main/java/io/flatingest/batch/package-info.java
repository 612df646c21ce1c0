/**
 * Jakarta Batch artifacts and their job XML ({@code META-INF/batch-jobs}), one package per job. Artifacts are CDI
 * beans named after their role; every per-run value is a job parameter wired into an {@code @BatchProperty}.
 */
package io.flatingest.batch;
