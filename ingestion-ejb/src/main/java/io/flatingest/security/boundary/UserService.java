package io.flatingest.security.boundary;

import io.flatingest.common.ConflictException;
import io.flatingest.security.control.PasswordHashing;
import io.flatingest.security.control.UserAccounts;
import io.flatingest.security.entity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * User administration (administrators only — the callers enforce the role) and changing one's own password. Every
 * change is audited and ends the user's current tokens. The last enabled administrator cannot be removed, demoted
 * or disabled.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    UserAccounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /** Every user, by name. */
    public List<UserView> list() {
        return accounts.all().stream().map(UserService::view).toList();
    }

    /** One user. */
    public Optional<UserView> find(String username) {
        return accounts.find(UserAccounts.normalize(username)).map(UserService::view);
    }

    /** Creates a user; ConflictException when the name is taken. */
    public UserView create(NewUserCommand command, Actor by) {
        String name = UserAccounts.normalize(command.username());
        PasswordHashing.requireAcceptable(command.password());
        if (accounts.find(name).isPresent()) {
            throw new ConflictException("A user named '" + name + "' already exists");
        }
        UserAccount account = new UserAccount(name, hashing.hash(command.password()), command.role(), clock.instant());
        accounts.add(account);
        audit.record(by, AuditAction.USER_CREATED, name, "role " + command.role().roleName());
        return view(account);
    }

    /** Changes role, enabled flag and/or password of a user. */
    public UserView change(String username, UserChangeCommand command, Actor by) {
        UserAccount account = existing(username);
        Instant now = clock.instant();
        List<Runnable> audits = new ArrayList<>();
        if (command.role() != null && command.role() != account.getRole()) {
            Role old = account.getRole();
            requireAnotherAdmin(account, "demote");
            account.changeRole(command.role(), now);
            audits.add(() -> audit.record(by, AuditAction.USER_ROLE_CHANGED, account.getUsername(),
                    old.roleName() + " -> " + command.role().roleName()));
        }
        if (command.enabled() != null && command.enabled() != account.isEnabled()) {
            if (!command.enabled()) {
                requireAnotherAdmin(account, "disable");
            }
            account.changeEnabled(command.enabled(), now);
            audits.add(() -> audit.record(by, command.enabled() ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
                    account.getUsername(), null));
        }
        if (command.password() != null) {
            account.changePassword(hashing.hash(PasswordHashing.requireAcceptable(command.password())), now);
            audits.add(() -> audit.record(by, AuditAction.USER_PASSWORD_RESET, account.getUsername(), null));
        }
        audits.forEach(Runnable::run);
        return view(account);
    }

    /** Deletes a user. */
    public void delete(String username, Actor by) {
        UserAccount account = existing(username);
        requireAnotherAdmin(account, "delete");
        accounts.remove(account);
        audit.record(by, AuditAction.USER_DELETED, account.getUsername(), "role " + account.getRole().roleName());
    }

    /**
     * A user changes their own password, proving the current one.
     *
     * @throws LoginRefusedException when the current password is wrong
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, Actor by) {
        UserAccount account = existing(username);
        if (currentPassword == null || !hashing.verify(currentPassword, account.getPasswordHash())) {
            throw LoginRefusedException.invalidCredentials();
        }
        account.changePassword(hashing.hash(PasswordHashing.requireAcceptable(newPassword)), clock.instant());
        audit.record(by, AuditAction.PASSWORD_CHANGED, account.getUsername(), null);
    }

    /**
     * Creates the first administrator when there is no user at all; returns false when users exist already.
     * Used once, at the first start.
     */
    public boolean createFirstAdmin(String username, String password) {
        if (accounts.count() > 0) {
            return false;
        }
        accounts.add(new UserAccount(username, hashing.hash(password), Role.ADMIN, clock.instant()));
        audit.record(Actor.SYSTEM, AuditAction.USER_CREATED, username, "first administrator, created at first start");
        return true;
    }

    /**
     * Gives an administrator account back: creates it or sets its password, enables it and makes it an admin. For
     * {@code flatingest.security.reset-admin} at start-up only.
     */
    public void resetAdmin(String username, String password) {
        Instant now = clock.instant();
        Optional<UserAccount> found = accounts.find(username);
        if (found.isEmpty()) {
            accounts.add(new UserAccount(username, hashing.hash(password), Role.ADMIN, now));
        } else {
            UserAccount account = found.get();
            account.changePassword(hashing.hash(password), now);
            account.changeRole(Role.ADMIN, now);
            account.changeEnabled(true, now);
        }
        audit.record(Actor.SYSTEM, AuditAction.USER_PASSWORD_RESET, username,
                "flatingest.security.reset-admin at start-up");
    }

    private UserAccount existing(String username) {
        return accounts.find(UserAccounts.normalize(username))
                .orElseThrow(() -> new NoSuchElementException("No user named '" + username + "'"));
    }

    private void requireAnotherAdmin(UserAccount account, String verb) {
        if (account.getRole() == Role.ADMIN && account.isEnabled() && accounts.enabledWithRole(Role.ADMIN) <= 1) {
            throw new ConflictException("Cannot " + verb + " '" + account.getUsername()
                    + "': it is the last enabled administrator");
        }
    }

    private static UserView view(UserAccount a) {
        return new UserView(a.getUsername(), a.getRole(), a.isEnabled(), a.getCreatedAt());
    }
}
