package io.flatingest.security.web;

import io.flatingest.security.boundary.Authentication;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates every request of the REST API and the console the same way. The token comes from
 * {@code Authorization: Bearer} or, for the console, from the {@link TokenCookie}; Payara's MicroProfile JWT checks
 * it ({@link MpJwtValidation}); then this mechanism adds what Payara does not check — {@code nbf} and {@code iat}
 * not in the future — and that the account still exists, is enabled and has the token's role. A console user's
 * cookie is renewed once half of its lifetime has passed.
 *
 * <p>Without an acceptable token, a protected request is refused: {@code /api/…} with 401 and problem+json, a
 * console page with a redirect to the login page (Faces answers a protected page with an empty 200 otherwise).
 *
 * <p>It replaces Payara's own MP-JWT mechanism ({@code @Alternative} with a priority) because that one reads only
 * the header — its cookie mode does not understand what browsers send, and turns the header off.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** How far a token's {@code nbf} or {@code iat} may lie in the future (clock differences). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** The console's login page. */
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    MpJwtValidation mpJwt;

    @Inject
    Authentication authentication;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<String> bearer = bearer(request);
        Optional<String> token = bearer.or(() -> TokenCookie.read(request));
        if (token.isPresent()) {
            Optional<CredentialValidationResult> valid = mpJwt.validate(token.get(), request, response, context)
                    .filter(r -> acceptable((JsonWebToken) r.getCallerPrincipal()));
            if (valid.isPresent()) {
                JsonWebToken jwt = (JsonWebToken) valid.get().getCallerPrincipal();
                if (bearer.isEmpty()) {
                    renewIfHalfSpent(jwt, request, response);
                }
                context.getClientSubject().getPrincipals().add(jwt);
                return context.notifyContainerAboutLogin(valid.get());
            }
            if (bearer.isEmpty()) {
                TokenCookie.clear(request, response);
            }
        }
        if (!context.isProtected() || context.isAuthenticationRequest()) {
            // open resources, and programmatic authenticate() calls whose caller decides (JAX-RS @RolesAllowed)
            return context.doNothing();
        }
        return refuse(request, response, context, token.isPresent());
    }

    private boolean acceptable(JsonWebToken jwt) {
        Instant latest = Instant.now().plus(CLOCK_SKEW);
        Long notBefore = epochSeconds(jwt.getClaim("nbf"));
        if (notBefore != null && Instant.ofEpochSecond(notBefore).isAfter(latest)) {
            return false;
        }
        Instant issuedAt = Instant.ofEpochSecond(jwt.getIssuedAtTime());
        return !issuedAt.isAfter(latest) && authentication.accepts(jwt.getName(), jwt.getGroups(), issuedAt);
    }

    private static Long epochSeconds(Object claim) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return claim instanceof JsonNumber n ? n.longValue() : null;
    }

    private void renewIfHalfSpent(JsonWebToken jwt, HttpServletRequest request, HttpServletResponse response) {
        long issued = jwt.getIssuedAtTime();
        long expires = jwt.getExpirationTime();
        if (Instant.now().getEpochSecond() > issued + (expires - issued) / 2) {
            authentication.renew(jwt.getName(), jwt.getGroups(), Instant.ofEpochSecond(issued))
                    .ifPresent(t -> TokenCookie.write(request, response, t));
        }
    }

    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, boolean tokenPresented) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return problem(response, tokenPresented);
        }
        String next = "GET".equals(request.getMethod())
                ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : path;
        String login = request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8) + (tokenPresented ? "&expired=true" : "");
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            return facesAjaxRedirect(response, login);
        }
        return context.redirect(login);
    }

    private static AuthenticationStatus problem(HttpServletResponse response, boolean tokenPresented) {
        String detail = tokenPresented
                ? "The token is invalid or has expired; get a new one from POST /api/auth/token"
                : "Authentication required: send Authorization: Bearer <token> (from POST /api/auth/token)";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"flatingest\""
                + (tokenPresented ? ", error=\"invalid_token\"" : ""));
        return write(response, "application/problem+json", Json.createObjectBuilder()
                .add("type", "about:blank").add("title", "Unauthorized").add("status", 401).add("detail", detail)
                .build().toString());
    }

    private static AuthenticationStatus facesAjaxRedirect(HttpServletResponse response, String location) {
        String escaped = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return write(response, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<partial-response><redirect url=\"" + escaped + "\"></redirect></partial-response>");
    }

    // The body is written and committed here, so that the container cannot replace it with an error page.
    private static AuthenticationStatus write(HttpServletResponse response, String contentType, String body) {
        try {
            response.setContentType(contentType);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(body);
            response.flushBuffer();
            return AuthenticationStatus.SEND_FAILURE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            return Optional.of(header.substring(7).trim());
        }
        return Optional.empty();
    }
}
