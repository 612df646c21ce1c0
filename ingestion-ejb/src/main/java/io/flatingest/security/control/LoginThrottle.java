package io.flatingest.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing. Failed logins are counted per user name and client address; after
 * {@code flatingest.security.login.max-failures} consecutive failures that pair is locked for
 * {@code flatingest.security.login.lockout}, doubling with every further failure up to 15 minutes. A success clears
 * the pair's count.
 *
 * <p>Deliberately neither per user name alone (anyone could lock a user out from anywhere) nor per address alone
 * (behind a reverse proxy every user shares one address). Counts live in memory, per server, and are forgotten an
 * hour after the last failure.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "flatingest.security.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "flatingest.security.login.lockout", defaultValue = "PT1M")
    Duration lockout;

    Clock clock = Clock.systemUTC();

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /** How long logins of this user from this address are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Failures f = failures.get(key(username, address));
        Instant until = f == null ? null : f.lockedUntil();
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failed login. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.compute(key(username, address), (k, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= maxFailures) {
                long factor = 1L << Math.min(count - maxFailures, 20);
                Duration lock = lockout.multipliedBy(factor);
                until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Failures(count, now, until);
        });
    }

    /** Clears the count of this user and address after a successful login. */
    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "@" + address;
    }
}
