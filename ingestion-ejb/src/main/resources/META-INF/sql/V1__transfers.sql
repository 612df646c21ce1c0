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

-- Reports: one row per transfer (job instance), per execution (start and restarts), per step execution, per chunk.
CREATE TABLE transfer_report (
    job_instance BIGINT NOT NULL PRIMARY KEY,
    job_name VARCHAR(100) NOT NULL,
    submitted_by VARCHAR(200),
    submitted TIMESTAMP NOT NULL,
    source VARCHAR(2000),
    target VARCHAR(2000),
    parameters TEXT,
    total_bytes BIGINT,
    reconciliation_expected BIGINT,
    reconciliation_actual BIGINT,
    reconciliation_note VARCHAR(2000)
);

CREATE TABLE execution_report (
    execution_id BIGINT NOT NULL PRIMARY KEY,
    job_instance BIGINT NOT NULL,
    job_name VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    exit_status VARCHAR(500),
    started TIMESTAMP NOT NULL,
    ended TIMESTAMP,
    failure TEXT
);
CREATE INDEX execution_report_instance ON execution_report (job_instance);
CREATE INDEX execution_report_started ON execution_report (started);

CREATE TABLE step_report (
    execution_id BIGINT NOT NULL,
    step VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    exit_status VARCHAR(500),
    started TIMESTAMP NOT NULL,
    ended TIMESTAMP,
    read_count BIGINT NOT NULL,
    write_count BIGINT NOT NULL,
    filter_count BIGINT NOT NULL,
    skip_count BIGINT NOT NULL,
    commit_count BIGINT NOT NULL,
    rollback_count BIGINT NOT NULL,
    failure TEXT,
    PRIMARY KEY (execution_id, step)
);

CREATE TABLE chunk_timing (
    execution_id BIGINT NOT NULL,
    seq INTEGER NOT NULL,
    job_instance BIGINT NOT NULL,
    ended TIMESTAMP NOT NULL,
    millis BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    byte_count BIGINT NOT NULL,
    PRIMARY KEY (execution_id, seq)
);
