package io.flatingest.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** One line of the audit trail: who did what to which object, when and from where. Never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    // A table generator: the one id strategy that behaves the same on H2 and PostgreSQL.
    @Id
    @TableGenerator(name = "audit_event_id", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "audit_event", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_event_id")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(length = 255)
    private String target;

    @Column(length = 1000)
    private String details;

    @Column(length = 64)
    private String address;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String target, String details,
                      String address) {
        this.occurredAt = occurredAt;
        this.actor = cut(actor, 64);
        this.action = action;
        this.target = cut(target, 255);
        this.details = cut(details, 1000);
        this.address = cut(address, 64);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetails() {
        return details;
    }

    public String getAddress() {
        return address;
    }
}
