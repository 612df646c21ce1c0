package io.flatingest.connection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named ClickHouse server. The password is kept only as {@code SecretCipher} ciphertext. */
@Entity
@Table(name = "connection_profile")
@NamedQuery(name = ConnectionProfile.ALL, query = "SELECT c FROM ConnectionProfile c ORDER BY c.name")
public class ConnectionProfile {

    public static final String ALL = "ConnectionProfile.all";

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 253)
    private String host;

    @Column(nullable = false)
    private int port;

    @Column(name = "database_name", nullable = false, length = 200)
    private String database;

    @Column(name = "user_name", nullable = false, length = 128)
    private String user;

    @Column(name = "password_cipher", length = 4096)
    private String passwordCipher;

    @Column(nullable = false)
    private boolean tls;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ConnectionProfile() {
    }

    public ConnectionProfile(String name, Instant now) {
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets everything but the password. */
    public void update(String newHost, int newPort, String newDatabase, String newUser, boolean newTls, Instant now) {
        this.host = newHost;
        this.port = newPort;
        this.database = newDatabase;
        this.user = newUser;
        this.tls = newTls;
        this.updatedAt = now;
    }

    /** Replaces the encrypted password (null: no password). */
    public void setPasswordCipher(String cipherText) {
        this.passwordCipher = cipherText;
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public String getDatabase() {
        return database;
    }

    public String getUser() {
        return user;
    }

    public String getPasswordCipher() {
        return passwordCipher;
    }

    public boolean isTls() {
        return tls;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
