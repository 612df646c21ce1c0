package io.flatingest.connection.faces;

import io.flatingest.common.ConflictException;
import io.flatingest.connection.boundary.ConnectionCheck;
import io.flatingest.connection.boundary.ConnectionProfiles;
import io.flatingest.connection.boundary.ConnectionView;
import io.flatingest.connection.boundary.SaveConnectionCommand;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.faces.RequireRole;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.web.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The connections page ({@code admin/connections.xhtml}, administrators by URL and by {@link RequireRole}): the
 * ClickHouse profiles, a form to create or edit one (the password is never shown; empty keeps it), a check that
 * reaches the server, delete. Calls the same {@link ConnectionProfiles} as the REST API.
 */
@Named
@ViewScoped
@RequireRole(Roles.ADMIN)
public class ConnectionAdministration implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConnectionProfiles profiles;

    @Inject
    CurrentUser currentUser;

    private boolean editing;
    private String name;
    private String host = "localhost";
    private int port = 8123;
    private String database = "default";
    private String user = "default";
    private String password;
    private boolean clearPassword;
    private boolean tls;

    public List<ConnectionView> getConnections() {
        return profiles.list();
    }

    /** Fills the form with a profile to change it. */
    public String edit(String profile) {
        ConnectionView v = profiles.find(profile).orElse(null);
        if (v == null) {
            Messages.error(null, "No connection named '" + profile + "'");
            return null;
        }
        editing = true;
        name = v.name();
        host = v.host();
        port = v.port();
        database = v.database();
        user = v.user();
        tls = v.tls();
        password = null;
        clearPassword = false;
        return null;
    }

    /** Empties the form for a new profile. */
    public String reset() {
        editing = false;
        name = null;
        host = "localhost";
        port = 8123;
        database = "default";
        user = "default";
        password = null;
        tls = false;
        return null;
    }

    /** Creates or changes the profile in the form. */
    public String save() {
        try {
            String secret = clearPassword ? "" : password == null || password.isEmpty() ? (editing ? null : "")
                    : password;
            profiles.save(new SaveConnectionCommand(name, host, port, database, user, secret, tls),
                    currentUser.actor());
            Messages.info("Saved connection " + name + ".");
            reset();
            return "connections?faces-redirect=true";
        } catch (IllegalArgumentException | ConflictException e) {
            Messages.error(fieldOf(e.getMessage()), e.getMessage());
            Messages.failed();
            return null;
        }
    }

    /** Asks the server of a profile for its version. */
    public String check(String profile) {
        try {
            ConnectionCheck c = profiles.check(profile);
            if (c.reachable()) {
                Messages.info("Connection " + profile + " works: ClickHouse " + c.serverVersion() + ".");
            } else {
                Messages.error(null, "Connection " + profile + " does not work: " + c.error());
            }
        } catch (NoSuchElementException | IllegalStateException e) {
            Messages.error(null, e.getMessage());
        }
        return null;
    }

    /** Deletes a profile. */
    public String delete(String profile) {
        try {
            profiles.delete(profile, currentUser.actor());
            Messages.info("Deleted connection " + profile + ".");
            if (profile.equals(name)) {
                reset();
            }
        } catch (NoSuchElementException | ConflictException e) {
            Messages.error(null, e.getMessage());
        }
        return null;
    }

    static String fieldOf(String message) {
        String m = message == null ? "" : message.toLowerCase();
        for (String field : List.of("host", "port", "database", "user", "password")) {
            if (m.startsWith(field) || m.contains(" " + field + " ")) {
                return "connection:" + field;
            }
        }
        return m.contains("name") ? "connection:name" : null;
    }

    public boolean isEditing() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isClearPassword() {
        return clearPassword;
    }

    public void setClearPassword(boolean clearPassword) {
        this.clearPassword = clearPassword;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }
}
