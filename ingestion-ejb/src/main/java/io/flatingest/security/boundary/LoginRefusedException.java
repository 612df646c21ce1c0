package io.flatingest.security.boundary;

import java.time.Duration;

/** A login that did not succeed: wrong user name or password, or too many failures (then retry later). */
public class LoginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    private LoginRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** The user name or password is wrong, or the user is disabled (indistinguishable on purpose). */
    public static LoginRefusedException invalidCredentials() {
        return new LoginRefusedException("Wrong user name or password", null);
    }

    /** Too many failed logins from this address: no password is checked until the wait is over. */
    public static LoginRefusedException throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new LoginRefusedException("Too many failed logins; try again in " + seconds + " s",
                Duration.ofSeconds(seconds));
    }

    /** How long to wait before the next attempt, when throttled; null for wrong credentials. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether this refusal is throttling rather than wrong credentials. */
    public boolean isThrottled() {
        return retryAfter != null;
    }
}
