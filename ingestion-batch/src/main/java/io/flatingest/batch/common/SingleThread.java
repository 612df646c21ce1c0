package io.flatingest.batch.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Executors of one named thread from the container's managed thread factory. */
public final class SingleThread {

    private SingleThread() {
    }

    /** An executor running its tasks one after the other on one thread called {@code name}. */
    public static ExecutorService named(ThreadFactory threads, String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = threads.newThread(r);
            t.setName(name);
            return t;
        });
    }
}
