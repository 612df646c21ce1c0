/**
 * The {@code file-export} job: ClickHouse rows into a CSV or TSV file, all or nothing.
 *
 * <p>One chunk step: {@link io.flatingest.batch.fileexport.ClickHouseItemReader} streams the rows as RowBinary and
 * decodes them straight into exact text, {@link io.flatingest.batch.fileexport.RowFormattingProcessor} applies the
 * output's policies, {@link io.flatingest.batch.fileexport.CsvItemWriter} writes a temporary file and renames it
 * once every row is in. Then {@code verify} compares the file's records with the rows written; the file was read
 * back up to the last checkpoint while it was written ({@link io.flatingest.batch.fileexport.ExportReadBacks}), so
 * it reads only the rest. The reader's checkpoint is the key of the last row (see {@code ExportQuery}), the writer's the length
 * of the temporary file, which a restart cuts back to.
 */
package io.flatingest.batch.fileexport;
