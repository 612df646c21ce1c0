package io.flatingest.transfer.boundary;

import io.flatingest.infrastructure.clickhouse.Identifiers;

/**
 * Runs the {@code self-check} job: generates {@code rows} numbers, drops every tenth, and writes the rest with
 * their squares into a ClickHouse table (created if missing), proving the whole chain from the job boundary
 * through the batch runtime to ClickHouse.
 *
 * @param rows      how many numbers to generate, 1..10 000 000
 * @param database  target database
 * @param table     target table
 * @param chunkSize items per chunk (checkpoint interval)
 */
public record SelfCheckCommand(long rows, String database, String table, int chunkSize) {

    public SelfCheckCommand {
        if (rows < 1 || rows > 10_000_000) {
            throw new IllegalArgumentException("rows must be between 1 and 10000000, got " + rows);
        }
        if (chunkSize < 1 || chunkSize > 1_000_000) {
            throw new IllegalArgumentException("chunkSize must be between 1 and 1000000, got " + chunkSize);
        }
        Identifiers.requireValid("database", database);
        Identifiers.requireValid("table", table);
    }
}
