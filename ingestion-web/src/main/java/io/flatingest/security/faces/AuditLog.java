package io.flatingest.security.faces;

import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditEntry;
import io.flatingest.security.boundary.AuditQuery;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.boundary.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The audit trail page ({@code admin/audit.xhtml}, administrators only by its URL): a GET form of filters (so a
 * filtered view is a link) and the newest 200 matching events.
 */
@Named
@RequestScoped
@RequireRole(Roles.ADMIN)
public class AuditLog {

    @Inject
    AuditTrail audit;

    private String actor;
    private AuditAction action;
    private String target;
    private List<AuditEntry> events;

    /** The events matching the filters. */
    public List<AuditEntry> getEvents() {
        if (events == null) {
            events = audit.search(new AuditQuery(actor, action, target, null, null, null, null, 200));
        }
        return events;
    }

    /** Every action, for the filter's selection list. */
    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
