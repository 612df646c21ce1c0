package io.flatingest.transfer.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Running totals of one transfer across all its executions, committed with each chunk's checkpoint. */
@Entity
@Table(name = "transfer_totals")
public class TransferTotals {

    @Id
    @Column(name = "job_instance")
    private long jobInstance;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_written", nullable = false)
    private long rowsWritten;

    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;

    @Column(name = "bytes_read", nullable = false)
    private long bytesRead;

    @Column(name = "bytes_written", nullable = false)
    private long bytesWritten;

    @Column(nullable = false)
    private Instant updated;

    protected TransferTotals() {
    }

    public TransferTotals(long jobInstance) {
        this.jobInstance = jobInstance;
        this.updated = Instant.now();
    }

    /** Adds one chunk's counts. */
    public void add(long read, long written, long rejected, long inBytes, long outBytes) {
        rowsRead += read;
        rowsWritten += written;
        rowsRejected += rejected;
        bytesRead += inBytes;
        bytesWritten += outBytes;
        updated = Instant.now();
    }

    /** Sets absolute byte positions (a file offset, a file length). */
    public void positions(long inBytes, long outBytes) {
        if (inBytes >= 0) {
            bytesRead = inBytes;
        }
        if (outBytes >= 0) {
            bytesWritten = outBytes;
        }
        updated = Instant.now();
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public long getRowsWritten() {
        return rowsWritten;
    }

    public long getRowsRejected() {
        return rowsRejected;
    }

    public long getBytesRead() {
        return bytesRead;
    }

    public long getBytesWritten() {
        return bytesWritten;
    }

    public Instant getUpdated() {
        return updated;
    }
}
