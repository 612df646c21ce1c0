package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job execution in progress on a server; removed when the execution ends. */
@Entity
@Table(name = "running_execution")
public class RunningExecution {

    @Id
    @Column(name = "execution_id")
    private long executionId;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Column(name = "server_id", nullable = false, length = 500)
    private String serverId;

    @Column(nullable = false)
    private Instant started;

    @Column(nullable = false)
    private Instant heartbeat;

    protected RunningExecution() {
    }

    public RunningExecution(long executionId, long instanceId, String serverId) {
        this.executionId = executionId;
        this.instanceId = instanceId;
        this.serverId = serverId;
        this.started = Instant.now();
        this.heartbeat = started;
    }

    public long getExecutionId() {
        return executionId;
    }

    public long getInstanceId() {
        return instanceId;
    }

    public String getServerId() {
        return serverId;
    }

    public Instant getHeartbeat() {
        return heartbeat;
    }

    /** The execution is alive now. */
    public void beat() {
        heartbeat = Instant.now();
    }
}
