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
 * {@code flatingest.security.login.lockout}, doubling with every further failure up to 15 minutes. An address is
 * also locked after four times as many failures across all user names (password spraying). A success clears the
 * pair's count.
 *
 * <p>Deliberately not per user name alone: that would let anyone lock a user out from anywhere. Counts live in
 * memory, per server, and are forgotten an hour after the last failure.
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
        Instant until = later(lockedUntil(pairKey(username, address)), lockedUntil(addressKey(address)));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failed login. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        count(pairKey(username, address), maxFailures, now);
        count(addressKey(address), maxFailures * 4, now);
    }

    /** Clears the count of this user and address after a successful login. */
    public void succeeded(String username, String address) {
        failures.remove(pairKey(username, address));
    }

    private void count(String key, int threshold, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            Instant until = null;
            if (count >= threshold) {
                long factor = 1L << Math.min(count - threshold, 20);
                Duration lock = lockout.multipliedBy(factor);
                until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Failures(count, now, until);
        });
    }

    private Instant lockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? null : f.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String pairKey(String username, String address) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "@" + address;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
