/**
 * Job reports that are kept: for every transfer who started it, its parameters (secrets redacted), source and
 * target, each execution with its steps' metrics and failure in words, per-chunk timings, and reconciliation of the
 * rows that arrived against the rows written. Written by the batch listeners and crash recovery, read by the console
 * and the REST API as JSON or CSV.
 */
package io.flatingest.report;
