package io.flatingest.security.control;

import io.flatingest.security.boundary.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up: loads (or generates) the token signing key, so that a broken key setting fails the deployment
 * instead of every login, and creates the first administrator, {@code admin}, when there are no users. Its password
 * comes from {@code flatingest.security.admin-password} or is generated and printed once to the server log.
 */
@Singleton
@Startup
public class SecurityBootstrap {

    /** The first administrator's user name. */
    public static final String FIRST_ADMIN = "admin";

    /** Start of the log line that shows a generated password (scripts/run.sh looks for it). */
    public static final String GENERATED_PASSWORD_LINE = "Generated password for user 'admin': ";

    private static final Logger LOG = Logger.getLogger(SecurityBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "flatingest.security.admin-password")
    Optional<String> adminPassword;

    @Inject
    UserService users;

    @PostConstruct
    void start() {
        SigningKeys.current();
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        if (configured.isPresent() && configured.get().length() < PasswordHashing.MIN_LENGTH) {
            throw new IllegalStateException("flatingest.security.admin-password needs at least "
                    + PasswordHashing.MIN_LENGTH + " characters");
        }
        String password = configured.orElseGet(PasswordHashing::generate);
        if (users.createFirstAdmin(FIRST_ADMIN, password)) {
            if (configured.isEmpty()) {
                LOG.warning(() -> "\n\n    No users existed: created the administrator 'admin'.\n    "
                        + GENERATED_PASSWORD_LINE + password + "\n    It is shown only this once; change it after"
                        + " logging in (POST /api/auth/password).\n");
            } else {
                LOG.info("No users existed: created the administrator 'admin' with the password from"
                        + " flatingest.security.admin-password");
            }
        }
    }
}
