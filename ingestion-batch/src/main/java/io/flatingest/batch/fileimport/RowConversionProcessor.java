package io.flatingest.batch.fileimport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseTableCatalog.ColumnInfo;
import io.flatingest.infrastructure.clickhouse.type.ConversionException;
import io.flatingest.infrastructure.clickhouse.type.ConversionOptions;
import io.flatingest.infrastructure.clickhouse.type.FieldEncoder;
import io.flatingest.infrastructure.clickhouse.type.FieldEncoders;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryOutput;
import io.flatingest.infrastructure.flatfile.FlatRecord;
import io.flatingest.transfer.control.ImportParameters;
import io.flatingest.transfer.control.ImportParameters.MappedColumn;
import io.flatingest.transfer.control.StagedImport;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts each mapped field of a record into the exact value of its column's type and encodes the row as
 * RowBinary straight into the chunk's buffer ({@link ChunkRows}), or rejects the record naming its line, column,
 * value and the reason. Never changes a value: text that
 * does not fit its type exactly is a rejection, not a rounding.
 */
@Named
@Dependent
public class RowConversionProcessor implements ItemProcessor {

    /** ClickHouse connection profile. */
    @Inject
    @BatchProperty
    String connection;

    /** The import's id: names its staging table. */
    @Inject
    @BatchProperty
    String importId;

    /** Target database. */
    @Inject
    @BatchProperty
    String database;

    /** Target table. */
    @Inject
    @BatchProperty
    String table;

    /** Column mapping as JSON ({@link ImportParameters#columns(String)}). */
    @Inject
    @BatchProperty
    String columns;

    /** The dialect as JSON (TSV literals are read raw, see {@link #processItem}). */
    @Inject
    @BatchProperty
    String dialect;

    /** Fields every record must have. */
    @Inject
    @BatchProperty
    String fieldCount;

    /** What NULL or an empty field becomes in a non-Nullable column: REJECT (default) or TYPE_DEFAULT. */
    @Inject
    @BatchProperty
    String missingValues;

    /** Extra date patterns (JSON array), tried after ISO dates. */
    @Inject
    @BatchProperty
    String dateFormats;

    /** Extra date-time patterns (JSON array), tried after ISO date-times. */
    @Inject
    @BatchProperty
    String dateTimeFormats;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CatalogService catalog;

    private int[] indices;
    private String[] names;
    private FieldEncoder[] encoders;
    private int expectedFields;
    private boolean[] rawLiteral;
    private boolean anyRawLiteral;
    private ImportWork work;

    private void init() {
        work = ImportWork.of(step);
        var gateway = catalog.gateway(connection);
        StagedImport staged = new StagedImport(gateway, database, table, importId);
        Map<String, ColumnInfo> stageColumns = staged.stageColumns().stream()
                .collect(Collectors.toMap(ColumnInfo::name, Function.identity()));
        ConversionOptions options = ConversionOptions.defaults(gateway.serverInfo().timeZone())
                .withMissingValues(ConversionOptions.MissingValues.valueOf(missingValues == null || missingValues.isBlank()
                        ? "REJECT" : missingValues))
                .withDatePatterns(ImportParameters.strings(dateFormats).toArray(String[]::new))
                .withDateTimePatterns(ImportParameters.strings(dateTimeFormats).toArray(String[]::new));
        List<MappedColumn> mapping = ImportParameters.columns(columns);
        indices = new int[mapping.size()];
        names = new String[mapping.size()];
        encoders = new FieldEncoder[mapping.size()];
        for (int i = 0; i < mapping.size(); i++) {
            MappedColumn m = mapping.get(i);
            ColumnInfo column = stageColumns.get(m.column());
            if (column == null) {
                throw new IllegalStateException("Column " + m.column() + " no longer exists in " + database + "." + table);
            }
            indices[i] = m.index();
            names[i] = m.column();
            encoders[i] = FieldEncoders.forType(column.type(), options);
        }
        expectedFields = Integer.parseInt(fieldCount);
        boolean tsv = ImportParameters.dialect(dialect).format() == io.flatingest.infrastructure.flatfile.Dialect.Format.TSV;
        rawLiteral = new boolean[mapping.size()];
        for (int i = 0; i < mapping.size(); i++) {
            var t = stageColumns.get(mapping.get(i).column()).type().valueType();
            rawLiteral[i] = tsv && (t instanceof io.flatingest.infrastructure.clickhouse.type.ClickHouseType.Array
                    || t instanceof io.flatingest.infrastructure.clickhouse.type.ClickHouseType.MapType
                    || t instanceof io.flatingest.infrastructure.clickhouse.type.ClickHouseType.Tuple);
            anyRawLiteral |= rawLiteral[i];
        }
    }

    @Override
    public Object processItem(Object item) throws RowRejectedException {
        if (encoders == null) {
            init();
        }
        FlatRecord record = (FlatRecord) item;
        if (record.malformed()) {
            throw new RowRejectedException(record.line(), null, null, record.problem(), record.rawText());
        }
        String[] fields = record.fields();
        if (fields.length != expectedFields) {
            throw new RowRejectedException(record.line(), null, null, "the record has " + fields.length
                    + " field" + (fields.length == 1 ? "" : "s") + ", expected " + expectedFields, record.rawText());
        }
        // In TabSeparated, ClickHouse writes Array, Map and Tuple values as literals whose own backslash escapes
        // are not escaped again for TSV: such a field is taken as it stands in the file, not unescaped.
        String[] raw = anyRawLiteral ? record.rawText().split("\t", -1) : null;
        ChunkRows rows = work.rows; // a new buffer each chunk, while the last one's INSERT runs
        RowBinaryOutput out = rows.startRow(work.chunkId);
        for (int i = 0; i < encoders.length; i++) {
            String text = rawLiteral[i] && raw.length == fields.length ? raw[indices[i]] : fields[indices[i]];
            try {
                encoders[i].encode(text, out);
            } catch (ConversionException e) {
                rows.dropRow();
                throw new RowRejectedException(record.line(), names[i], text, e.reason(), record.rawText());
            }
        }
        rows.endRow();
        return EncodedRow.IN_CHUNK;
    }
}
