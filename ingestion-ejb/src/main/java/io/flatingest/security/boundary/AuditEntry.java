package io.flatingest.security.boundary;

import java.time.Instant;

/**
 * One event of the audit trail as callers see it.
 *
 * @param id      increasing number; use it as {@code beforeId} to page backwards
 * @param at      when it happened
 * @param actor   user name, {@code anonymous} (failed logins of unknown users keep the name tried) or {@code system}
 * @param action  what happened
 * @param target  the object acted on (user name, connection name, execution id, file)
 * @param details what changed, in words; never a password or secret
 * @param address client IP address, when there was a request
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String details,
                         String address) {
}
