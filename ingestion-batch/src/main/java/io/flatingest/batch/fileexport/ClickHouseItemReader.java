package io.flatingest.batch.fileexport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.ExportParameters.ColumnType;
import io.flatingest.transfer.control.ExportPlanner;
import io.flatingest.transfer.control.ExportQuery;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Streams an export's rows from ClickHouse as RowBinary (a format 18.16 and modern servers both produce) and decodes
 * each row straight into the exact text of every value; memory stays bounded whatever the table's size. Resumes
 * after the last key on a restart (see {@link ExportQuery}).
 */
@Named
@Dependent
public class ClickHouseItemReader extends AbstractItemReader {

    /** ClickHouse connection profile. */
    @Inject
    @BatchProperty
    String connection;

    /** The export's id (in query ids). */
    @Inject
    @BatchProperty
    String exportId;

    /** The SELECT list. */
    @Inject
    @BatchProperty
    String select;

    /** The FROM clause (a table or a parenthesised query). */
    @Inject
    @BatchProperty
    String from;

    /** WHERE expression; empty for none. */
    @Inject
    @BatchProperty
    String filter;

    /** Row limit; empty for none. */
    @Inject
    @BatchProperty
    String limit;

    /** Key columns with types as JSON; empty array when the export has no key. */
    @Inject
    @BatchProperty
    String keyColumns;

    /** Ordering after the key (JSON array of SQL expressions). */
    @Inject
    @BatchProperty
    String tieBreak;

    /** Exported columns with types as JSON. */
    @Inject
    @BatchProperty
    String columns;

    /** Zone for DateTime values; empty for each column's own. */
    @Inject
    @BatchProperty
    String timeZone;

    /** Whether FixedString values keep their trailing zero bytes (default false). */
    @Inject
    @BatchProperty
    String keepFixedStringPadding;

    /** Whether a String that is not valid UTF-8 is written with replacements (true) or fails (default false). */
    @Inject
    @BatchProperty
    String replaceInvalidUtf8;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CatalogService catalog;

    @Inject
    TransferTotalsStore totals;

    private ClickHouseGateway gateway;
    private ClickHouseGateway.QueryStream stream;
    private RowBinaryInput input;
    private RowDecoder decoder;
    private String queryId;
    private int valueCount;
    private int keyCount;
    private long rowsRead;
    private String[] lastKey;
    private long ties;
    private String[] skipKey;
    private long toSkip;
    private ExportWork work;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        Properties p = new Properties();
        p.setProperty(ExportParameters.SELECT, select);
        p.setProperty(ExportParameters.FROM, from);
        p.setProperty(ExportParameters.FILTER, filter == null ? "" : filter);
        p.setProperty(ExportParameters.LIMIT, limit == null ? "" : limit);
        p.setProperty(ExportParameters.KEY_COLUMNS, keyColumns);
        p.setProperty(ExportParameters.TIE_BREAK, tieBreak);
        p.setProperty(ExportParameters.COLUMNS, columns);
        ExportQuery query = ExportQuery.from(p);
        work = new ExportWork(query.resumable());
        step.setTransientUserData(work);
        gateway = catalog.gateway(connection);

        String sql;
        if (checkpoint instanceof ExportReadCheckpoint c && query.resumable() && c.lastKey() != null) {
            rowsRead = c.rowsRead();
            lastKey = c.key();
            ties = c.ties();
            skipKey = c.key();
            toSkip = c.ties();
            sql = query.sql(c.key(), c.rowsRead() - c.ties());
        } else {
            if (checkpoint != null && !query.resumable()) {
                totals.reset(job.getInstanceId()); // written again from the first row
            }
            sql = query.sql(null, 0);
        }
        List<ColumnType> planned = ExportParameters.columns(columns);
        checkColumns(sql, planned);
        valueCount = planned.size();
        keyCount = query.keys().size();
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        planned.forEach(c -> {
            names.add(c.name());
            types.add(ClickHouseTypes.parse(c.type()));
        });
        for (int i = 0; i < keyCount; i++) {
            names.add(ExportQuery.KEY_ALIAS + i);
            types.add(new ClickHouseType.Simple(ClickHouseType.Base.STRING));
        }
        FormatOptions options = FormatOptions.defaults().withServerZone(gateway.serverInfo().timeZone())
                .withKeepFixedStringPadding(Boolean.parseBoolean(keepFixedStringPadding))
                .withInvalidUtf8(Boolean.parseBoolean(replaceInvalidUtf8) ? FormatOptions.InvalidUtf8.REPLACE
                        : FormatOptions.InvalidUtf8.ERROR);
        if (timeZone != null && !timeZone.isBlank()) {
            options = options.withZoneOverride(ZoneId.of(timeZone));
        }
        decoder = new RowDecoder(names, types, options);
        queryId = "flatingest-export-" + exportId + "-" + job.getExecutionId();
        stream = gateway.openQuery(sql, "RowBinary", ExportPlanner.QUERY_SETTINGS, queryId);
        input = new RowBinaryInput(stream.body(), 1 << 20);
    }

    /** The columns the query returns now must be those planned: a table changed since would corrupt the file. */
    private void checkColumns(String sql, List<ColumnType> planned) {
        List<String[]> described = gateway.queryRows("DESCRIBE TABLE (" + sql + ")", ExportPlanner.QUERY_SETTINGS);
        for (int i = 0; i < planned.size(); i++) {
            ColumnType c = planned.get(i);
            if (i >= described.size() || !described.get(i)[0].equals(c.name()) || !described.get(i)[1].equals(c.type())) {
                throw new IllegalStateException("The source changed since the export started: column " + (i + 1)
                        + " was " + c.name() + " " + c.type() + ", now "
                        + (i < described.size() ? described.get(i)[0] + " " + described.get(i)[1] : "missing"));
            }
        }
    }

    @Override
    public Object readItem() throws IOException {
        while (true) {
            String[] row = decoder.next(input);
            if (row == null) {
                work.endReached = true;
                return null;
            }
            String[] key = keyCount == 0 ? null : Arrays.copyOfRange(row, valueCount, valueCount + keyCount);
            if (toSkip > 0 && Arrays.equals(key, skipKey)) {
                toSkip--; // written before the restart
                continue;
            }
            toSkip = 0;
            if (key != null) {
                if (Arrays.equals(key, lastKey)) {
                    ties++;
                } else {
                    lastKey = key;
                    ties = 1;
                }
            }
            rowsRead++;
            work.chunkRead++;
            return keyCount == 0 ? row.clone() : Arrays.copyOf(row, valueCount);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return ExportReadCheckpoint.of(rowsRead, lastKey, ties);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            if (!work.endReached) {
                gateway.cancel(queryId);
            }
        }
    }
}
