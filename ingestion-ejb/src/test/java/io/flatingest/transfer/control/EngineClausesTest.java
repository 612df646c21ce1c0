package io.flatingest.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EngineClausesTest {

    @Test
    void dropsZooKeeperPathAndReplicaKeepingTheRest() {
        assertEquals("MergeTree PARTITION BY toYYYYMM(d) ORDER BY k SETTINGS index_granularity = 8192",
                EngineClauses.withoutReplication("ReplicatedMergeTree('/clickhouse/tables/{shard}/t', '{replica}')"
                        + " PARTITION BY toYYYYMM(d) ORDER BY k SETTINGS index_granularity = 8192"));
        assertEquals("ReplacingMergeTree(ver) ORDER BY (a, b)", EngineClauses.withoutReplication(
                "ReplicatedReplacingMergeTree('/p/it\\'s', '{replica}', ver) ORDER BY (a, b)"));
        assertEquals("SummingMergeTree((x, y)) ORDER BY k", EngineClauses.withoutReplication(
                "ReplicatedSummingMergeTree('/p', 'r', (x, y)) ORDER BY k"));
    }

    @Test
    void handlesServerDefaultArgumentsAndOldSyntax() {
        assertEquals("MergeTree ORDER BY k", EngineClauses.withoutReplication("ReplicatedMergeTree ORDER BY k"));
        assertEquals("MergeTree ORDER BY k", EngineClauses.withoutReplication("ReplicatedMergeTree() ORDER BY k"));
        assertEquals("MergeTree(d, (k), 8192)", EngineClauses.withoutReplication(
                "ReplicatedMergeTree('/p', 'r', d, (k), 8192)"));
    }

    @Test
    void leavesNonReplicatedEnginesAlone() {
        assertEquals("MergeTree ORDER BY k", EngineClauses.withoutReplication("MergeTree ORDER BY k"));
    }
}
