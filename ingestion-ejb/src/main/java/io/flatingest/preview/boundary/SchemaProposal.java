package io.flatingest.preview.boundary;

import io.flatingest.infrastructure.flatfile.DetectedDialect;
import io.flatingest.infrastructure.flatfile.Dialect;
import io.flatingest.infrastructure.flatfile.schema.TableProposal;
import io.flatingest.transfer.boundary.ImportCommand.TableDefinition;

/**
 * A proposed table for a file.
 *
 * @param dialect     the dialect the sample was read with
 * @param detected    the detected dialect with its reasons
 * @param proposal    the columns with a reason per type, the ORDER BY and notes about the sample
 * @param definition  the same as an import's {@code createTable}, ready to send back (edited or not)
 * @param createTable the CREATE TABLE statement the import would run
 */
public record SchemaProposal(Dialect dialect, DetectedDialect detected, TableProposal proposal,
                             TableDefinition definition, String createTable) {
}
