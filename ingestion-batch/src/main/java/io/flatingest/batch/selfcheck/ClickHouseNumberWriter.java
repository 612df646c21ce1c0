package io.flatingest.batch.selfcheck;

import io.flatingest.infrastructure.clickhouse.ClickHouseClients;
import io.flatingest.infrastructure.clickhouse.ClickHouseGateway;
import io.flatingest.infrastructure.clickhouse.Identifiers;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Inserts (n, n²) pairs into {@code database.table} as RowBinary, creating the table on first use. Not
 * exactly-once on a crash (the real import job is); good enough for a self-check.
 */
@Named
@Dependent
public class ClickHouseNumberWriter extends AbstractItemWriter {

    /** Target database. Required. */
    @Inject
    @BatchProperty
    String database;

    /** Target table, created if missing as (n UInt64, square UInt64). Required. */
    @Inject
    @BatchProperty
    String table;

    @Inject
    ClickHouseClients clients;

    private ClickHouseGateway gateway;

    @Override
    public void open(Serializable checkpoint) {
        gateway = clients.defaultGateway();
        gateway.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(database));
        gateway.execute("CREATE TABLE IF NOT EXISTS " + Identifiers.qualified(database, table)
                + " (n UInt64, square UInt64) ENGINE = MergeTree ORDER BY n");
    }

    @Override
    public void writeItems(List<Object> items) {
        ByteBuffer buffer = ByteBuffer.allocate(items.size() * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (Object item : items) {
            long[] pair = (long[]) item;
            buffer.putLong(pair[0]).putLong(pair[1]);
        }
        gateway.insert(database, table, List.of("n", "square"), "RowBinary",
                out -> out.write(buffer.array(), 0, buffer.position()), Map.of(), null);
    }
}
