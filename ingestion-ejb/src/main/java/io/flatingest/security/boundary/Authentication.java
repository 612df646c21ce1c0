package io.flatingest.security.boundary;

import io.flatingest.security.control.LoginThrottle;
import io.flatingest.security.control.PasswordHashing;
import io.flatingest.security.control.TokenIssuer;
import io.flatingest.security.control.UserAccounts;
import io.flatingest.security.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Logins and the tokens they produce, for the token endpoint and the console's login form alike: user name and
 * password in, a signed token out; failures throttled and audited. Also answers, for every authenticated request,
 * whether a token that passed signature and expiry checks still matches its account.
 */
@ApplicationScoped
public class Authentication {

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditTrail audit;

    /**
     * Checks the password and issues a token.
     *
     * @param username as typed (any case)
     * @param password as typed
     * @param address  the client's address (throttling and the audit trail)
     * @throws LoginRefusedException for a wrong user name or password, a disabled user, or while throttled
     */
    public IssuedToken login(String username, String password, String address) {
        String tried = username == null ? "" : username.trim();
        Optional<Duration> locked = throttle.lockedFor(tried, address);
        if (locked.isPresent()) {
            audit.record(validName(tried), AuditAction.LOGIN_THROTTLED, validName(tried),
                    "refused without checking the password", address);
            throw LoginRefusedException.throttled(locked.get());
        }
        Optional<UserAccount> account = findByTypedName(tried);
        boolean valid;
        if (account.isPresent() && password != null) {
            valid = hashing.verify(password, account.get().getPasswordHash()) && account.get().isEnabled();
        } else {
            hashing.verifyNothing(password);
            valid = false;
        }
        if (!valid) {
            throttle.failed(tried, address);
            // Not every name typed is a user name (people paste passwords into the wrong field): only valid ones
            // are recorded.
            String shown = validName(tried);
            audit.record(shown, AuditAction.LOGIN_FAILED, shown,
                    account.isEmpty() ? "unknown user" : account.get().isEnabled() ? "wrong password" : "disabled",
                    address);
            throw LoginRefusedException.invalidCredentials();
        }
        throttle.succeeded(tried, address);
        UserAccount user = account.get();
        IssuedToken token = issuer.issue(user.getUsername(), user.getRole());
        audit.record(user.getUsername(), AuditAction.LOGIN_SUCCEEDED, user.getUsername(),
                "role " + user.getRole().roleName() + ", token valid until " + token.expiresAt(), address);
        return token;
    }

    /**
     * A fresh token for a user whose current token is still accepted: the console renews its cookie this way while
     * the user is active. Empty when the account no longer accepts it.
     */
    public Optional<IssuedToken> renew(String username, Set<String> groups, Instant issuedAt) {
        return acceptedAccount(username, groups, issuedAt).map(u -> issuer.issue(u.getUsername(), u.getRole()));
    }

    /**
     * Whether a token whose signature, issuer and lifetime have been verified still speaks for its account: the user
     * exists, is enabled, still has the role the token's groups grant, and has not changed password, role or status
     * since the token was issued.
     */
    public boolean accepts(String username, Set<String> groups, Instant issuedAt) {
        return acceptedAccount(username, groups, issuedAt).isPresent();
    }

    /** The lifetime of tokens issued now. */
    public Duration tokenLifetime() {
        return issuer.lifetime();
    }

    private Optional<UserAccount> acceptedAccount(String username, Set<String> groups, Instant issuedAt) {
        if (username == null || groups == null || issuedAt == null) {
            return Optional.empty();
        }
        return accounts.find(username)
                .filter(UserAccount::isEnabled)
                .filter(u -> Role.ofGroups(groups).filter(r -> r == u.getRole()).isPresent())
                .filter(u -> !issuedAt.isBefore(u.getTokensNotBefore().truncatedTo(ChronoUnit.SECONDS)));
    }

    private static String validName(String typed) {
        try {
            return UserAccounts.normalize(typed);
        } catch (IllegalArgumentException e) {
            return "(not a user name)";
        }
    }

    private Optional<UserAccount> findByTypedName(String typed) {
        try {
            return accounts.find(UserAccounts.normalize(typed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
