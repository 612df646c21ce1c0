package io.flatingest.connection.boundary;

import io.flatingest.common.ConflictException;
import io.flatingest.connection.entity.ConnectionProfile;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import io.flatingest.infrastructure.clickhouse.ClickHouseClients;
import io.flatingest.infrastructure.clickhouse.ConnectionSettings;
import io.flatingest.security.boundary.Actor;
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.control.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Connection profiles: list, create or replace, delete, check, and — for the catalog and the jobs — resolve a name to
 * the {@link ConnectionSettings} that {@link ClickHouseClients#gateway} takes. Jobs carry only the profile's name
 * in their parameters and resolve it here when they run, so a password never becomes a job parameter.
 */
@ApplicationScoped
public class ConnectionProfiles {

    /** The built-in, read-only profile: the server configured with {@code flatingest.clickhouse.*}. */
    public static final String DEFAULT = "default";

    private static final Logger LOG = Logger.getLogger(ConnectionProfiles.class.getName());

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    @Inject
    ClickHouseClients clients;

    @Inject
    SecretCipher cipher;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** Every profile, the built-in one first. */
    public List<ConnectionView> list() {
        List<ConnectionView> all = new ArrayList<>();
        all.add(defaultView());
        em.createNamedQuery(ConnectionProfile.ALL, ConnectionProfile.class).getResultList().stream()
                .map(ConnectionProfiles::view).forEach(all::add);
        return all;
    }

    /** One profile. */
    public Optional<ConnectionView> find(String name) {
        if (DEFAULT.equals(name)) {
            return Optional.of(defaultView());
        }
        return Optional.ofNullable(em.find(ConnectionProfile.class, name)).map(ConnectionProfiles::view);
    }

    /** Creates a profile or replaces one; a null password keeps the stored one. */
    @Transactional
    public ConnectionView save(SaveConnectionCommand command, Actor by) {
        if (DEFAULT.equals(command.name())) {
            throw new ConflictException("The connection 'default' is configured by the flatingest.clickhouse.*"
                    + " settings and cannot be changed here");
        }
        Instant now = clock.instant();
        ConnectionProfile profile = em.find(ConnectionProfile.class, command.name());
        boolean created = profile == null;
        if (created) {
            profile = new ConnectionProfile(command.name(), now);
            em.persist(profile);
        }
        profile.update(command.host(), command.port(), command.database(), command.user(), command.tls(), now);
        if (command.password() != null) {
            profile.setPasswordCipher(command.password().isEmpty() ? null
                    : cipher.encrypt(command.password(), command.name()));
        }
        em.flush();
        // The shared client of the old settings is left alone: a running job may still be using it.
        audit.record(by, created ? AuditAction.CONNECTION_CREATED : AuditAction.CONNECTION_UPDATED, command.name(),
                (command.tls() ? "https://" : "http://") + command.host() + ":" + command.port() + ", database "
                        + command.database() + ", user " + command.user() + ", password "
                        + (command.password() == null ? "unchanged" : command.password().isEmpty() ? "none" : "set"));
        return view(profile);
    }

    /** Deletes a profile. */
    @Transactional
    public void delete(String name, Actor by) {
        if (DEFAULT.equals(name)) {
            throw new ConflictException("The connection 'default' is built in and cannot be deleted");
        }
        ConnectionProfile profile = existing(name);
        em.remove(profile);
        audit.record(by, AuditAction.CONNECTION_DELETED, name, profile.getHost() + ":" + profile.getPort());
    }

    /** Whether the profile's server answers, with its version or ClickHouse's reason. */
    public ConnectionCheck check(String name) {
        try {
            List<String[]> rows = clients.gateway(settings(name)).queryRows("SELECT version()", Map.of());
            return new ConnectionCheck(true, rows.get(0)[0], null);
        } catch (ClickHouseAccessException e) {
            return new ConnectionCheck(false, null, e.getMessage());
        }
    }

    /**
     * The settings to reach a profile's server, password decrypted: only for
     * {@link ClickHouseClients#gateway(ConnectionSettings)}, never for display or logs.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public ConnectionSettings settings(String name) {
        ConnectionSettings defaults = clients.defaultSettings();
        if (DEFAULT.equals(name)) {
            return defaults;
        }
        ConnectionProfile p = existing(name);
        String password = p.getPasswordCipher() == null ? "" : cipher.decrypt(p.getPasswordCipher(), p.getName());
        return new ConnectionSettings((p.isTls() ? "https://" : "http://") + p.getHost() + ":" + p.getPort(),
                p.getUser(), password, p.getDatabase(), defaults.compression(), defaults.connectTimeout(),
                defaults.socketTimeout(), defaults.maxConnections());
    }

    /** Encrypts again, under the current key, every password stored under a previous one; returns how many. */
    @Transactional
    public int reEncryptStaleSecrets() {
        int count = 0;
        for (ConnectionProfile p : em.createNamedQuery(ConnectionProfile.ALL, ConnectionProfile.class)
                .getResultList()) {
            if (p.getPasswordCipher() != null && cipher.isStale(p.getPasswordCipher())) {
                try {
                    p.setPasswordCipher(cipher.encrypt(cipher.decrypt(p.getPasswordCipher(), p.getName()),
                            p.getName()));
                    count++;
                } catch (IllegalStateException e) {
                    LOG.warning(() -> "Connection '" + p.getName() + "': " + e.getMessage()
                            + "; enter its password again");
                }
            }
        }
        return count;
    }

    private ConnectionProfile existing(String name) {
        ConnectionProfile p = name == null ? null : em.find(ConnectionProfile.class, name);
        if (p == null) {
            throw new NoSuchElementException("No connection named '" + name + "'");
        }
        return p;
    }

    private ConnectionView defaultView() {
        ConnectionSettings s = clients.defaultSettings();
        URI uri = URI.create(s.url());
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 8443 : 8123;
        return new ConnectionView(DEFAULT, uri.getHost(), port, s.database(), s.user(), tls, !s.password().isEmpty(),
                true, null);
    }

    private static ConnectionView view(ConnectionProfile p) {
        return new ConnectionView(p.getName(), p.getHost(), p.getPort(), p.getDatabase(), p.getUser(), p.isTls(),
                p.getPasswordCipher() != null, false, p.getUpdatedAt());
    }
}
