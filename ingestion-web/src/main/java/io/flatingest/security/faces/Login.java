package io.flatingest.security.faces;

import io.flatingest.security.boundary.Authentication;
import io.flatingest.security.boundary.IssuedToken;
import io.flatingest.security.boundary.LoginRefusedException;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.security.web.TokenCookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form ({@code login.xhtml}): checks user name and password through the same {@link Authentication} as
 * the token endpoint, puts the token into the {@link TokenCookie} and sends the browser on to the page it asked for.
 * A plain form post; works without JavaScript.
 */
@Named
@RequestScoped
public class Login {

    @Inject
    Authentication authentication;

    @Inject
    CurrentUser currentUser;

    private String username;
    private String password;
    private String next;

    /** Someone already logged in skips the form. */
    public void skipIfLoggedIn() throws IOException {
        if (currentUser.isLoggedIn()) {
            redirect();
        }
    }

    /** Logs in; on failure the message appears next to the password field. */
    public String login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            IssuedToken token = authentication.login(username, password, currentUser.address());
            TokenCookie.write((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                    token);
            redirect();
        } catch (LoginRefusedException e) {
            faces.addMessage("login:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            password = null;
        }
        return null;
    }

    private void redirect() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + safeNext(next));
        faces.responseComplete();
    }

    /** A path inside the application to go to after logging in; anything else (another site) becomes "/". */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == '\\') || next.startsWith("/login.xhtml")) {
            return "/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
