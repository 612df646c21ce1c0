package io.flatingest.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Hands a token to Payara's own MicroProfile JWT validation (signature with {@code mp.jwt.verify.publickey}, RS256
 * or ES256 only, {@code typ: JWT}, issuer, required claims, expiry) and reports the verdict without letting it touch
 * the request: Payara's mechanism is called with a request that carries the token as {@code Authorization: Bearer}
 * and a message context that only records the result.
 *
 * <p>Why not validate ourselves: Payara's {@code JsonWebToken} producer and claim injection expect the caller
 * principal its identity store creates; going through it keeps {@code @Inject JsonWebToken} working and keeps the
 * security-critical parsing in the platform. Only standard API types are used to reach it.
 */
@ApplicationScoped
public class MpJwtValidation {

    @Inject
    BeanManager beans;

    private volatile HttpAuthenticationMechanism payara;

    /** Payara's verdict: the valid result (its caller principal is a {@link JsonWebToken}), or empty. */
    public Optional<CredentialValidationResult> validate(String token, HttpServletRequest request,
                                                         HttpServletResponse response, HttpMessageContext context) {
        Recorder recorder = new Recorder(context);
        try {
            payara().validateRequest(new BearerRequest(request, token), response, recorder);
        } catch (AuthenticationException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(recorder.result)
                .filter(r -> r.getStatus() == CredentialValidationResult.Status.VALID)
                .filter(r -> r.getCallerPrincipal() instanceof JsonWebToken);
    }

    private HttpAuthenticationMechanism payara() {
        HttpAuthenticationMechanism found = payara;
        if (found == null) {
            Bean<?> bean = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(b -> !TokenAuthenticationMechanism.class.isAssignableFrom(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Payara's MicroProfile JWT mechanism is missing:"
                            + " the JAX-RS application needs @LoginConfig(authMethod = \"MP-JWT\")"));
            found = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                    beans.createCreationalContext(bean));
            payara = found;
        }
        return found;
    }

    /** The original request, with the token as the only Authorization header. */
    private static final class BearerRequest extends HttpServletRequestWrapper {
        private final String authorization;

        BearerRequest(HttpServletRequest request, String token) {
            super(request);
            this.authorization = "Bearer " + token;
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Authorization".equalsIgnoreCase(name) ? Collections.enumeration(Set.of(authorization))
                    : super.getHeaders(name);
        }
    }

    /** A message context that records the identity store's result and changes nothing else. */
    private static final class Recorder extends HttpMessageContextWrapper {
        CredentialValidationResult result;

        Recorder(HttpMessageContext context) {
            super(context);
        }

        @Override
        public boolean isProtected() {
            return true;
        }

        @Override
        public Subject getClientSubject() {
            return new Subject();
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult validationResult) {
            this.result = validationResult;
            return validationResult.getStatus() == CredentialValidationResult.Status.VALID
                    ? AuthenticationStatus.SUCCESS : AuthenticationStatus.SEND_FAILURE;
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
            return AuthenticationStatus.NOT_DONE;
        }

        @Override
        public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
            return AuthenticationStatus.NOT_DONE;
        }

        @Override
        public AuthenticationStatus responseUnauthorized() {
            return AuthenticationStatus.SEND_FAILURE;
        }

        @Override
        public AuthenticationStatus responseNotFound() {
            return AuthenticationStatus.SEND_FAILURE;
        }

        @Override
        public AuthenticationStatus doNothing() {
            return AuthenticationStatus.NOT_DONE;
        }
    }
}
