package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One step of an import's publication (see {@code StagedImport}): sent under a query id, or done. */
@Entity
@Table(name = "publish_step", uniqueConstraints = @UniqueConstraint(columnNames = {"job_instance", "step"}))
public class PublishStep {

    /** Step states. */
    public enum State { SENT, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Column(nullable = false, length = 200)
    private String step;

    @Column(nullable = false, length = 10)
    private String state;

    @Column(name = "query_id", length = 200)
    private String queryId;

    @Column(nullable = false)
    private Instant updated;

    protected PublishStep() {
    }

    public PublishStep(long jobInstance, String step) {
        this.jobInstance = jobInstance;
        this.step = step;
    }

    public State getState() {
        return state == null ? null : State.valueOf(state);
    }

    public String getQueryId() {
        return queryId;
    }

    /** Moves the step to a state. */
    public void mark(State newState, String newQueryId) {
        this.state = newState.name();
        if (newQueryId != null) {
            this.queryId = newQueryId;
        }
        this.updated = Instant.now();
    }
}
