/**
 * The {@code self-check} job: the smallest chunk job that exercises the whole chain (job boundary, batch runtime,
 * checkpoints, metrics, ClickHouse inserts). Used by the health page and the deployment smoke tests.
 */
package io.flatingest.batch.selfcheck;
