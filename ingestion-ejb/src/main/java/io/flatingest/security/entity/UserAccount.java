package io.flatingest.security.entity;

import io.flatingest.security.boundary.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person or program that logs in: a lower-case user name, a PBKDF2 password hash and one role. */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.ALL, query = "SELECT u FROM UserAccount u ORDER BY u.username")
@NamedQuery(name = UserAccount.COUNT_ENABLED_IN_ROLE,
        query = "SELECT COUNT(u) FROM UserAccount u WHERE u.role = :role AND u.enabled = TRUE")
@NamedQuery(name = UserAccount.COUNT, query = "SELECT COUNT(u) FROM UserAccount u")
public class UserAccount {

    public static final String ALL = "UserAccount.all";
    public static final String COUNT_ENABLED_IN_ROLE = "UserAccount.countEnabledInRole";
    public static final String COUNT = "UserAccount.count";

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Tokens issued before this moment are refused: set whenever the password, role or enabled flag changes. */
    @Column(name = "tokens_not_before", nullable = false)
    private Instant tokensNotBefore;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
        this.tokensNotBefore = now;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getTokensNotBefore() {
        return tokensNotBefore;
    }

    /** New password hash; earlier tokens stop working. */
    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.tokensNotBefore = now;
    }

    /** New role; earlier tokens (which carry the old role) stop working. */
    public void changeRole(Role newRole, Instant now) {
        this.role = newRole;
        this.tokensNotBefore = now;
    }

    /** Enables or disables logins; disabling also ends current tokens. */
    public void changeEnabled(boolean newEnabled, Instant now) {
        this.enabled = newEnabled;
        this.tokensNotBefore = now;
    }
}
