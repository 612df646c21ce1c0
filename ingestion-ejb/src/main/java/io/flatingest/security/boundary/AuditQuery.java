package io.flatingest.security.boundary;

import java.time.Instant;

/**
 * A filter over the audit trail; null fields do not filter. Results come newest first.
 *
 * @param actor    exact user name
 * @param action   exact action
 * @param target   part of the target (case-insensitive)
 * @param address  exact client address
 * @param from     at or after this moment
 * @param to       before this moment
 * @param beforeId only events with a smaller id (the next page)
 * @param limit    at most this many events, 1..1000 (default 100)
 */
public record AuditQuery(String actor, AuditAction action, String target, String address, Instant from, Instant to,
                         Long beforeId, Integer limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        limit = limit == null ? 100 : limit;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        actor = blankToNull(actor);
        target = blankToNull(target);
        address = blankToNull(address);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
