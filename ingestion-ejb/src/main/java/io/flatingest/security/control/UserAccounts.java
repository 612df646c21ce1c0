package io.flatingest.security.control;

import io.flatingest.security.boundary.Role;
import io.flatingest.security.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The user account table. Callers bring the transaction. */
@ApplicationScoped
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    @PersistenceContext(unitName = "flatingest")
    EntityManager em;

    /** A user name as stored: trimmed, lower case; IllegalArgumentException when it has other characters. */
    public static String normalize(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name has 1 to 64 characters: letters, digits and . _ @ -"
                    + " (starting with a letter or digit)");
        }
        return name;
    }

    /** The account with this (normalized) name. */
    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(em.find(UserAccount.class, username));
    }

    /** Every account by name. */
    public List<UserAccount> all() {
        return em.createNamedQuery(UserAccount.ALL, UserAccount.class).getResultList();
    }

    /** How many accounts exist. */
    public long count() {
        return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
    }

    /** How many enabled accounts have the role. */
    public long enabledWithRole(Role role) {
        return em.createNamedQuery(UserAccount.COUNT_ENABLED_IN_ROLE, Long.class).setParameter("role", role)
                .getSingleResult();
    }

    /** Stores a new account and writes it at once (a duplicate name fails here, not at commit). */
    public void add(UserAccount account) {
        em.persist(account);
        em.flush();
    }

    /** Deletes an account. */
    public void remove(UserAccount account) {
        em.remove(em.contains(account) ? account : em.merge(account));
    }
}
