-- Security: user accounts, the audit trail, and ClickHouse connection profiles (passwords encrypted by the
-- application; see io.flatingest.security). SQL accepted by both H2 2.x and PostgreSQL.

CREATE TABLE user_account (
    username VARCHAR(64) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    role VARCHAR(16) NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    tokens_not_before TIMESTAMP NOT NULL
);

-- Ids handed out in blocks by JPA's table generator (one row per generator).
CREATE TABLE id_generator (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    next_value BIGINT NOT NULL
);

INSERT INTO id_generator (name, next_value) VALUES ('audit_event', 0);

CREATE TABLE audit_event (
    id BIGINT NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR(64) NOT NULL,
    action VARCHAR(40) NOT NULL,
    target VARCHAR(255),
    details VARCHAR(1000),
    address VARCHAR(64)
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);

CREATE INDEX audit_event_actor ON audit_event (actor);

CREATE TABLE connection_profile (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    host VARCHAR(253) NOT NULL,
    port INTEGER NOT NULL,
    database_name VARCHAR(200) NOT NULL,
    user_name VARCHAR(128) NOT NULL,
    password_cipher VARCHAR(4096),
    tls BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
