package io.flatingest.web;

import io.flatingest.schedule.boundary.ScheduleService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The schedules' clock: every {@code flatingest.schedules.tick-seconds} (15 by default) it asks the
 * {@link ScheduleService} to fire what is due. A non-persistent interval timer: after a restart the clock simply
 * starts again, and the schedules' own next-run times (in the database) say what is due. Ticks never overlap on one
 * server (a singleton's timeout holds its write lock); across servers, the database claims decide.
 *
 * <p>It lives in the web module for the reason {@link StartupRecovery} does: jobs started here belong to the web
 * component, like every job the application starts. {@code flatingest.schedules.enabled=false} stops the clock on a
 * server (e.g. to leave firing to others).
 */
@Singleton
@Startup
public class ScheduleClock {

    private static final Logger LOG = Logger.getLogger(ScheduleClock.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ScheduleService schedules;

    @Inject
    @ConfigProperty(name = "flatingest.schedules.tick-seconds", defaultValue = "15")
    int tickSeconds;

    @Inject
    @ConfigProperty(name = "flatingest.schedules.enabled", defaultValue = "true")
    boolean enabled;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("Schedules clock disabled (flatingest.schedules.enabled=false): this server fires no schedule");
            return;
        }
        long millis = Math.max(1, tickSeconds) * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig("flatingest-schedules", false));
        LOG.info(() -> "Schedules clock ticks every " + Math.max(1, tickSeconds) + " s");
    }

    /** Held while a tick runs: the shutdown waits for it rather than cut it off half-way. */
    private final ReentrantLock ticking = new ReentrantLock();
    private volatile boolean stopping;

    /** Stops ticking when the application stops, after the tick in progress (if any) has finished. */
    @PreDestroy
    void stop() {
        stopping = true;
        try {
            if (ticking.tryLock(60, TimeUnit.SECONDS)) {
                ticking.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.getTimers().forEach(t -> {
            try {
                t.cancel();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Timer already gone: " + e);
            }
        });
    }

    /** One tick: fires the due schedules; a failure is logged and the next tick tries again. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (stopping || !ticking.tryLock()) {
            return;
        }
        try {
            if (!stopping) {
                schedules.fireDue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Schedules tick failed; the next tick tries again", e);
        } finally {
            ticking.unlock();
        }
    }
}
