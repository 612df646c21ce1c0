-- Transfers: the import ledger and the publication journal (see io.flatingest.transfer.control.StagedImport).
-- SQL accepted by both H2 2.x and PostgreSQL.

-- Keys are natural or assigned by the application (no identity columns: EclipseLink's H2 platform cannot read
-- H2 2.x identities back).

CREATE TABLE import_chunk (
    job_instance BIGINT NOT NULL,
    chunk_id BIGINT NOT NULL,
    attempt BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    rejected_count BIGINT NOT NULL,
    PRIMARY KEY (job_instance, chunk_id)
);

CREATE TABLE publish_step (
    job_instance BIGINT NOT NULL,
    step VARCHAR(200) NOT NULL,
    state VARCHAR(10) NOT NULL,
    query_id VARCHAR(200),
    updated TIMESTAMP NOT NULL,
    PRIMARY KEY (job_instance, step)
);

-- Which server runs an execution, and when it last showed signs of life (crash recovery, see ExecutionRecovery).
CREATE TABLE running_execution (
    execution_id BIGINT NOT NULL PRIMARY KEY,
    instance_id BIGINT NOT NULL,
    server_id VARCHAR(500) NOT NULL,
    started TIMESTAMP NOT NULL,
    heartbeat TIMESTAMP NOT NULL
);

-- Running totals of a transfer (all executions of a job instance), updated in each chunk's transaction so that they
-- agree with the checkpoints after any crash.
CREATE TABLE transfer_totals (
    job_instance BIGINT NOT NULL PRIMARY KEY,
    rows_read BIGINT NOT NULL,
    rows_written BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    bytes_read BIGINT NOT NULL,
    bytes_written BIGINT NOT NULL,
    updated TIMESTAMP NOT NULL
);
