package io.flatingest.security.rest;

import io.flatingest.security.boundary.LoginRefusedException;
import io.flatingest.web.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Wrong credentials: 401; throttled: 429 with {@code Retry-After}. */
@Provider
public class LoginRefusedMapper implements ExceptionMapper<LoginRefusedException> {

    @Override
    public Response toResponse(LoginRefusedException e) {
        if (e.isThrottled()) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, e.getMessage()).toResponse())
                    .status(429, "Too Many Requests")
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
        }
        return Problem.of(Response.Status.UNAUTHORIZED, e.getMessage()).toResponse();
    }
}
