package io.flatingest.security.boundary;

/**
 * Who does something and from where, as the audit trail records it.
 *
 * @param name    the user name, or {@code anonymous} / {@code system} when there is no user
 * @param address the client's IP address as the server saw it (null for work without a request)
 */
public record Actor(String name, String address) {

    /** Work the application does on its own (start-up, scheduler). */
    public static final Actor SYSTEM = new Actor("system", null);

    public Actor {
        name = name == null || name.isBlank() ? "anonymous" : name;
    }
}
