package io.flatingest.web;

import io.flatingest.transfer.boundary.TransferService;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up, marks executions a dead server left running as FAILED so they can be restarted from their last
 * checkpoint, and restarts them when {@code flatingest.recovery.auto-restart} is on. Runs in the web module because
 * jobs restarted here must belong to the web component, like every job the application starts.
 *
 * <p>The class-level {@code @PersistenceContext} declares that the web module uses the unit: Payara Server loads
 * a module's persistence unit only when a component of that module references it, and in the EAR every JPA call
 * runs in the web module (see {@code src/main/ear-war/META-INF/persistence.xml}).
 */
@WebListener
@PersistenceContext(name = "persistence/flatingest", unitName = "flatingest")
public class StartupRecovery implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class.getName());

    @Inject
    TransferService transfers;

    @Inject
    @ConfigProperty(name = "flatingest.recovery.stale-after", defaultValue = "PT5M")
    Duration staleAfter;

    @Inject
    @ConfigProperty(name = "flatingest.recovery.auto-restart", defaultValue = "false")
    boolean autoRestart;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            List<Long> recovered = transfers.recoverInterrupted(staleAfter, autoRestart);
            if (!recovered.isEmpty()) {
                LOG.warning(() -> "Executions interrupted by a server stop, now FAILED" + (autoRestart
                        ? " and restarted" : " (restart them from their checkpoints)") + ": " + recovered);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Recovery of interrupted executions failed; they may show as running", e);
        }
    }
}
