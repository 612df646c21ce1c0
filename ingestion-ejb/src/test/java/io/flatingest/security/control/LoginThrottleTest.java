package io.flatingest.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @BeforeEach
    void configure() {
        throttle.maxFailures = 5;
        throttle.lockout = Duration.ofMinutes(1);
        throttle.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void theFifthFailureLocksThePairForTheLockoutDoublingWithEachFurtherFailure() {
        fail("ann", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.lockedFor("ann", "10.0.0.1"));
        fail("ann", "10.0.0.1", 1);
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("ANN", "10.0.0.1"), "names in any case");

        now = now.plusSeconds(61);
        assertEquals(Optional.empty(), throttle.lockedFor("ann", "10.0.0.1"));
        fail("ann", "10.0.0.1", 1);
        assertEquals(Optional.of(Duration.ofMinutes(2)), throttle.lockedFor("ann", "10.0.0.1"));
        now = now.plusSeconds(121);
        fail("ann", "10.0.0.1", 10);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("ann", "10.0.0.1"), "at most 15 min");
    }

    @Test
    void otherAddressesAndUsersAreNotLockedAndSuccessClears() {
        fail("ann", "10.0.0.1", 5);
        assertTrue(throttle.lockedFor("ann", "10.0.0.2").isEmpty(), "ann from elsewhere may still log in");
        assertTrue(throttle.lockedFor("bob", "10.0.0.1").isEmpty(), "bob from the same address too");
        fail("bob", "10.0.0.1", 4);
        throttle.succeeded("bob", "10.0.0.1");
        fail("bob", "10.0.0.1", 4);
        assertTrue(throttle.lockedFor("bob", "10.0.0.1").isEmpty(), "a success starts the count again");
    }

    @Test
    void failuresAreForgottenAfterAnHour() {
        fail("ann", "10.0.0.1", 4);
        now = now.plus(Duration.ofMinutes(61));
        fail("ann", "10.0.0.1", 1);
        assertTrue(throttle.lockedFor("ann", "10.0.0.1").isEmpty());
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }
}
