package io.flatingest.security.web;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses cross-site state-changing requests made with the browser's cookies. A POST, PUT, PATCH or DELETE that
 * carries cookies but no {@code Authorization} header must come from a page of this application: its
 * {@code Origin} (or, failing that, {@code Referer}) must name the host the request was sent to.
 *
 * <p>One of three layers: the cookies are {@code SameSite=Strict}, so browsers do not send them cross-site at all;
 * Faces forms carry the server-side view state, an unguessable per-session value; and this check, for browsers and
 * proxies that lose the other two. Requests with a bearer token or without cookies cannot be forged by another site.
 */
@WebFilter(filterName = "CsrfGuard", urlPatterns = "/*")
public class CsrfGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || request.getHeader("Authorization") != null
                || request.getCookies() == null || sameHost(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank").add("title", "Forbidden")
                .add("status", 403).add("detail", "Cross-site request refused: the Origin of this "
                        + request.getMethod() + " is not this application").build().toString());
    }

    /** Whether Origin (or Referer) names the host of this request; false when neither is sent. */
    static boolean sameHost(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.equals("null")) {
            source = request.getHeader("Referer");
        }
        if (source == null) {
            return false;
        }
        try {
            String host = URI.create(source.trim()).getHost();
            // Compared without scheme and port: a TLS-terminating proxy changes both, never the host name.
            return host != null && host.equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
