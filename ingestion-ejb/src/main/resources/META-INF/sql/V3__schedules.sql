-- Schedules: saved transfers that run on a cron expression or every N minutes/hours (see io.flatingest.schedule).
-- SQL accepted by both H2 2.x and PostgreSQL. Fire and claim times are epoch milliseconds (BIGINT), not TIMESTAMP:
-- they are claim keys and ages that several servers must read identically whatever their JVM time zone.

CREATE TABLE schedule (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    transfer TEXT NOT NULL,
    cron VARCHAR(200),
    interval_seconds BIGINT,
    time_zone VARCHAR(64) NOT NULL,
    file_pattern VARCHAR(500),
    archive_dir VARCHAR(500),
    paused BOOLEAN NOT NULL,
    next_run BIGINT,
    created_by VARCHAR(64) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT schedule_name UNIQUE (name)
);

INSERT INTO id_generator (name, next_value) VALUES ('schedule', 0);

-- One row per tick a server claimed: the primary key is what makes a tick fire once, even with two servers.
CREATE TABLE schedule_tick (
    schedule_id BIGINT NOT NULL,
    fire_time BIGINT NOT NULL,
    server_id VARCHAR(500) NOT NULL,
    claimed_at BIGINT NOT NULL,
    execution_id BIGINT,
    PRIMARY KEY (schedule_id, fire_time)
);

-- Files an import schedule picked up from the landing directory: each (name, size, modification time) once.
CREATE TABLE schedule_file (
    schedule_id BIGINT NOT NULL,
    file_name VARCHAR(1000) NOT NULL,
    file_size BIGINT NOT NULL,
    modified BIGINT NOT NULL,
    fire_time BIGINT NOT NULL,
    PRIMARY KEY (schedule_id, file_name, file_size, modified)
);

-- What each claimed tick started: one execution, one per picked-up file, or the reason nothing started.
CREATE TABLE schedule_run (
    schedule_id BIGINT NOT NULL,
    fire_time BIGINT NOT NULL,
    seq INTEGER NOT NULL,
    file_name VARCHAR(1000),
    execution_id BIGINT,
    started_at TIMESTAMP NOT NULL,
    error VARCHAR(2000),
    archive_state VARCHAR(10),
    PRIMARY KEY (schedule_id, fire_time, seq)
);
CREATE INDEX schedule_run_archive ON schedule_run (archive_state);
