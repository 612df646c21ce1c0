/**
 * The {@code file-import} job: a flat file into a ClickHouse table.
 *
 * <p>Steps: {@code prepare} (checks the file is unchanged, creates the staging table), {@code load} (a partitioned
 * chunk step: {@link io.flatingest.batch.fileimport.CsvItemReader} → {@link
 * io.flatingest.batch.fileimport.RowConversionProcessor} → {@link io.flatingest.batch.fileimport.ClickHouseItemWriter},
 * bad rows to the reject file through {@link io.flatingest.batch.fileimport.RejectedRowListener}), and {@code publish}
 * (error policy, then exactly-once publication of the staged rows; see {@code StagedImport}).
 *
 * <p>Checkpoints are a byte offset with the line and record numbers that belong there, so a restart seeks instead of
 * re-parsing, and large plain files are split into partitions at exact record boundaries.
 */
package io.flatingest.batch.fileimport;
