/**
 * The {@code file-import} job: a flat file into a ClickHouse table.
 *
 * <p>Steps: {@code prepare} (checks the file is unchanged, creates the staging table), {@code load} (a chunk step: {@link io.flatingest.batch.fileimport.CsvItemReader} → {@link
 * io.flatingest.batch.fileimport.RowConversionProcessor} → {@link io.flatingest.batch.fileimport.ClickHouseItemWriter},
 * bad rows to the reject file through {@link io.flatingest.batch.fileimport.RejectedRowListener}), and {@code publish}
 * (error policy, then exactly-once publication of the staged rows; see {@code StagedImport}).
 *
 * <p>Checkpoints are a byte offset with the line and record numbers that belong there, so a restart seeks instead of
 * re-parsing. Three threads overlap: parsing runs ahead on its own thread ({@link
 * io.flatingest.batch.fileimport.ReadAhead}), the chunk thread converts, and the staging INSERT of the previous chunk
 * runs on a third ({@link io.flatingest.batch.fileimport.StagingInserts}, which explains why the checkpoint may lag the
 * reader by one chunk and why that keeps exactly-once).
 *
 * <p>The load step is deliberately not a Jakarta Batch partitioned step: Payara's JBatch persists a partitioned
 * step's partition count only when the step ends, so after a kill -9 its restart fails with a
 * NullPointerException in {@code PartitionedStepControllerImpl.validateNumberOfPartitions} — and an import must
 * survive exactly that.
 */
package io.flatingest.batch.fileimport;
