package io.flatingest.batch.selfcheck;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Drops every multiple of ten (so the FILTER_COUNT metric has something to show) and squares the rest. */
@Named
@Dependent
public class TenthNumberFilter implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        long n = (Long) item;
        return n % 10 == 0 ? null : new long[] {n, n * n};
    }
}
