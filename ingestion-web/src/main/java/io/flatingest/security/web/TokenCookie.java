package io.flatingest.security.web;

import io.flatingest.security.boundary.IssuedToken;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The console keeps its token in a cookie the page's scripts cannot read ({@code HttpOnly}), that no other site can
 * make the browser send ({@code SameSite=Strict}), that travels only over HTTPS when the console is served over
 * HTTPS ({@code Secure}), and that lives exactly as long as the token.
 */
public final class TokenCookie {

    /** The cookie's name. */
    public static final String NAME = "flatingest_token";

    private TokenCookie() {
    }

    /** The token the browser sent, if any. */
    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                    return Optional.of(c.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Stores a token in the browser until it expires. */
    public static void write(HttpServletRequest request, HttpServletResponse response, IssuedToken token) {
        long seconds = Math.max(1, Duration.between(Instant.now(), token.expiresAt()).toSeconds());
        response.addCookie(cookie(request, token.token(), (int) Math.min(seconds, Integer.MAX_VALUE)));
    }

    /** Removes the token from the browser. */
    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie c = new Cookie(NAME, value);
        c.setHttpOnly(true);
        c.setSecure(request.isSecure());
        c.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Strict");
        return c;
    }
}
