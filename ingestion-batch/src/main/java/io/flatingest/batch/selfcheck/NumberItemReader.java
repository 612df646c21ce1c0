package io.flatingest.batch.selfcheck;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;

/** Reads the numbers 1..rows; the checkpoint is the last number read. */
@Named
@Dependent
public class NumberItemReader extends AbstractItemReader {

    /** How many numbers to read. Required. */
    @Inject
    @BatchProperty
    String rows;

    private long last;
    private long limit;

    @Override
    public void open(Serializable checkpoint) {
        limit = Long.parseLong(rows);
        last = checkpoint == null ? 0 : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        return last < limit ? ++last : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
