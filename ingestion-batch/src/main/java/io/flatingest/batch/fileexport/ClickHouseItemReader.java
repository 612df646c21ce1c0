package io.flatingest.batch.fileexport;

import io.flatingest.catalog.boundary.CatalogService;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseType;
import io.flatingest.infrastructure.clickhouse.type.ClickHouseTypes;
import io.flatingest.infrastructure.clickhouse.type.FormatOptions;
import io.flatingest.infrastructure.clickhouse.type.RowBinaryInput;
import io.flatingest.infrastructure.clickhouse.type.RowDecoder;
import io.flatingest.infrastructure.flatfile.write.CsvLines;
import io.flatingest.infrastructure.flatfile.write.ExportColumn;
import io.flatingest.infrastructure.flatfile.write.ExportFileOptions;
import io.flatingest.infrastructure.flatfile.write.FormulaProtection;
import io.flatingest.transfer.control.ExportParameters;
import io.flatingest.transfer.control.ExportParameters.ColumnType;
import io.flatingest.transfer.control.ExportPlanner;
import io.flatingest.transfer.control.ExportQuery;
import io.flatingest.transfer.control.TransferTotalsStore;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Streams an export's rows from ClickHouse as RowBinary (a format 18.16 and modern servers both produce) and decodes
 * each row straight into the exact text of every value — for a UTF-8 file straight into the bytes of its file line
 * ({@link CsvLines}, handed on as {@link FormattedLine}s), else into texts; memory stays bounded whatever the table's
 * size. Resumes after the last key on a restart (see {@link ExportQuery}).
 *
 * <p>Reading and decoding run a bounded number of row batches ahead on a thread of their own ({@link RowReadAhead}),
 * overlapping with the formatting and writing of the chunk thread. The checkpoint counts only the rows handed to
 * the chunk (their number, the last one's key and its ties), never the rows decoded ahead: a restart reads those
 * again.
 */
@Named
@Dependent
public class ClickHouseItemReader extends AbstractItemReader {

    /** Key ranges an export of enough rows is read in, besides the small first one (see ExportQuery.splitPointsSql). */
    static final int RANGES = 8;
    /** Below this many rows one query is read: the ranges' extra queries would cost more than they save. */
    static final long MIN_ROWS_TO_SPLIT = 200_000;

    private static final Logger LOG = Logger.getLogger(ClickHouseItemReader.class.getName());

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

    /** File options as JSON: UTF-8 files get their lines formatted here (CsvLines), others texts. */
    @Inject
    @BatchProperty
    String fileOptions;

    /** Whether formula protection is on (default false), for lines formatted here. */
    @Inject
    @BatchProperty
    String formulaProtection;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CatalogService catalog;

    @Inject
    TransferTotalsStore totals;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private ClickHouseGateway gateway;
    private ClickHouseGateway.QueryStream stream;
    private KeyRangeStream ranges;
    private RowReadAhead ahead;
    private RowReadAhead.Batch batch;
    private int index;
    private String queryId;
    private int keyCount;
    private long rowsRead;
    /**
     * The key of the last row handed out, as the rows yield it: {@code lastKeys[lastKeyAt, lastKeyAt + keyCount)},
     * copied at checkpoints.
     */
    private String[] lastKeys;
    private int lastKeyAt;
    private long ties;
    private String[] skipKey;
    private long toSkip;
    private ExportWork work;
    private ExportQuery query;

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
        query = ExportQuery.from(p);
        work = new ExportWork(query.resumable());
        step.setTransientUserData(work);
        gateway = catalog.gateway(connection);

        String sql;
        String[] resumeKey = null;
        long written = 0;
        if (checkpoint instanceof ExportReadCheckpoint c && query.resumable() && c.lastKey() != null) {
            resumeKey = c.key();
            written = c.rowsRead() - c.ties();
            rowsRead = c.rowsRead();
            lastKeys = query.selectedKey(c.key());
            lastKeyAt = 0;
            ties = c.ties();
            skipKey = lastKeys;
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
        int valueCount = planned.size();
        keyCount = query.keys().size();
        int[] keyPositions = new int[keyCount];
        for (int i = 0; i < keyCount; i++) {
            keyPositions[i] = query.keyPosition(i);
        }
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        List<ColumnType> selected = new ArrayList<>(planned);
        selected.addAll(query.extraKeyColumns());
        selected.forEach(c -> {
            names.add(c.name());
            types.add(ClickHouseTypes.parse(c.type()));
        });
        FormatOptions options = FormatOptions.defaults().withServerZone(gateway.serverInfo().timeZone())
                .withKeepFixedStringPadding(Boolean.parseBoolean(keepFixedStringPadding))
                .withInvalidUtf8(Boolean.parseBoolean(replaceInvalidUtf8) ? FormatOptions.InvalidUtf8.REPLACE
                        : FormatOptions.InvalidUtf8.ERROR);
        if (timeZone != null && !timeZone.isBlank()) {
            options = options.withZoneOverride(ZoneId.of(timeZone));
        }
        RowDecoder decoder = new RowDecoder(names, types, options);
        queryId = "flatingest-export-" + exportId + "-" + job.getExecutionId();
        List<KeyRangeStream.Range> split = split(query, resumeKey, written);
        InputStream body;
        if (split.size() > 1) {
            ranges = new KeyRangeStream(split, (rangeSql, id) -> {
                ClickHouseGateway.QueryStream q = gateway.openQuery(rangeSql, "RowBinary", ExportPlanner.QUERY_SETTINGS,
                        id);
                return new KeyRangeStream.QueryStream() {
                    @Override
                    public InputStream body() {
                        return q.body();
                    }

                    @Override
                    public void close() {
                        q.close();
                    }
                };
            }, threads);
            body = ranges;
        } else {
            stream = gateway.openQuery(sql, "RowBinary", ExportPlanner.QUERY_SETTINGS, queryId);
            body = stream.body();
        }
        ahead = new RowReadAhead(decoder, new RowBinaryInput(body, 1 << 20), valueCount, keyPositions,
                lines(planned, types.subList(0, valueCount)), threads);
    }

    /**
     * The key ranges the rows are read in: several when the key is a single integer column and enough rows are
     * left ({@link KeyRangeStream} explains why), else none.
     */
    private List<KeyRangeStream.Range> split(ExportQuery query, String[] resumeKey, long written) {
        if (!query.splittable()) {
            return List.of();
        }
        String[] answer = gateway.queryRows(query.splitPointsSql(resumeKey, RANGES), ExportPlanner.QUERY_SETTINGS)
                .get(0);
        if (Long.parseLong(answer[0]) < MIN_ROWS_TO_SPLIT) {
            return List.of();
        }
        List<String> points = answer[1].isEmpty() ? List.of() : List.of(answer[1].split(","));
        List<KeyRangeStream.Range> split = new ArrayList<>();
        for (ExportQuery.KeyRange range : ExportQuery.ranges(points)) {
            split.add(new KeyRangeStream.Range(query.sql(resumeKey, written, range), queryId + "-" + split.size()));
        }
        return split;
    }

    /**
     * The formatter of file lines when the file is one {@link CsvLines} writes (UTF-8, ASCII delimiter and quote):
     * the values go from RowBinary to the bytes of their line without a String each (a third less CPU per row than
     * texts and opencsv); null for other files, whose rows go to the writer as texts (opencsv).
     */
    private CsvLines lines(List<ColumnType> planned, List<ClickHouseType> types) {
        ExportFileOptions options = ExportParameters.options(fileOptions);
        if (!CsvLines.supports(options)) {
            return null;
        }
        List<ExportColumn> exported = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            exported.add(ExportColumn.of(planned.get(i).name(), types.get(i)));
        }
        boolean[] protect = Boolean.parseBoolean(formulaProtection) ? FormulaProtection.textColumns(types)
                : new boolean[planned.size()];
        return new CsvLines(options, exported, protect);
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
            if (batch == null || index == batch.size()) {
                batch = ahead.next();
                index = 0;
                if (batch == null) {
                    work.endReached = true;
                    return null;
                }
            }
            int i = index++;
            if (keyCount > 0) {
                String[] keys = batch.keys();
                int at = i * keyCount;
                if (toSkip > 0 && sameKey(keys, at, skipKey, 0)) {
                    toSkip--; // written before the restart
                    continue;
                }
                toSkip = 0;
                if (sameKey(keys, at, lastKeys, lastKeyAt)) {
                    ties++;
                } else {
                    lastKeys = keys;
                    lastKeyAt = at;
                    ties = 1;
                }
            }
            rowsRead++;
            work.chunkRead++;
            CsvLines.Block lines = batch.lines();
            return lines == null ? batch.rows()[i] : new FormattedLine(lines.text(), lines.start(i), lines.ends()[i]);
        }
    }

    private boolean sameKey(String[] keys, int at, String[] other, int otherAt) {
        return other != null && other.length >= otherAt + keyCount
                && Arrays.equals(keys, at, at + keyCount, other, otherAt, otherAt + keyCount);
    }

    @Override
    public Serializable checkpointInfo() {
        String[] lastKey = lastKeys == null ? null
                : query.checkpointKey(Arrays.copyOfRange(lastKeys, lastKeyAt, lastKeyAt + keyCount));
        return ExportReadCheckpoint.of(rowsRead, lastKey, ties);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close(); // also makes a read of the decoding thread fail, so that it stops at once
            if (!work.endReached) {
                gateway.cancel(queryId);
            }
        }
        if (ranges != null) {
            ranges.close(); // as above, for the range being read and the one sent ahead
            if (!work.endReached) {
                ranges.startedQueryIds().forEach(gateway::cancel);
            }
        }
        if (ahead != null) {
            ahead.close();
            LOG.info(() -> "Export " + job.getInstanceId() + " (execution " + job.getExecutionId() + ") export step: "
                    + "waited " + ahead.waitNanos() / 1_000_000 + " ms for decoded rows; the decoding thread was busy "
                    + ahead.busyNanos() / 1_000_000 + " ms, blocked on a full queue " + ahead.blockedNanos() / 1_000_000
                    + " ms" + (ranges == null ? "" : "; read in " + ranges.rangeCount() + " key ranges"));
        }
    }
}
