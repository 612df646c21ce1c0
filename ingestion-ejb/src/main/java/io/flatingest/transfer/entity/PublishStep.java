package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an import's publication (see {@code StagedImport}): sent under a query id, or done. */
@Entity
@IdClass(PublishStep.Key.class)
@Table(name = "publish_step")
public class PublishStep {

    /** Step states. */
    public enum State { SENT, DONE }

    @Id
    @Column(name = "job_instance", nullable = false)
    private long jobInstance;

    @Id
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

    /** Primary key: the job instance and the step. */
    public static class Key implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long jobInstance;
        private String step;

        public Key() {
        }

        public Key(long jobInstance, String step) {
            this.jobInstance = jobInstance;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && jobInstance == k.jobInstance && java.util.Objects.equals(step, k.step);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobInstance, step);
        }
    }
}
