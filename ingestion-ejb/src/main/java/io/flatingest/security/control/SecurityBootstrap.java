package io.flatingest.security.control;

import io.flatingest.security.boundary.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start-up: loads (or generates) the token signing key, so that a broken key setting fails the deployment
 * instead of every login, and creates the first administrator, {@code admin}, when there are no users. Its password
 * comes from {@code flatingest.security.admin-password} or is generated and printed once to the server log. With
 * {@code flatingest.security.reset-admin=true} (the way back in after losing that password) it sets {@code admin}'s
 * password again the same way, enabled and with the admin role, at every start until the setting is removed.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
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
    @ConfigProperty(name = "flatingest.security.reset-admin", defaultValue = "false")
    boolean resetAdmin;

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
        String done;
        if (users.createFirstAdmin(FIRST_ADMIN, password)) {
            done = "No users existed: created the administrator 'admin'";
        } else if (resetAdmin) {
            users.resetAdmin(FIRST_ADMIN, password);
            done = "flatingest.security.reset-admin is set: reset the password of 'admin' (remove the setting now)";
        } else {
            return;
        }
        if (configured.isEmpty()) {
            LOG.warning(() -> "\n\n    " + done + ".\n    " + GENERATED_PASSWORD_LINE + password
                    + "\n    It is shown only this once; change it after logging in (POST /api/auth/password).\n");
        } else {
            LOG.warning(() -> done + ", with the password from flatingest.security.admin-password");
        }
    }
}
