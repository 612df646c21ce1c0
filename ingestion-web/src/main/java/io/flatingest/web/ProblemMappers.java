package io.flatingest.web;

import io.flatingest.common.ConflictException;
import io.flatingest.infrastructure.clickhouse.ClickHouseAccessException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns exceptions into problem+json responses with a message a user can act on. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Invalid input: 400 with the validation message. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage()).toResponse();
        }
    }

    /** A body that is not JSON, or not of the expected shape: 400 saying where. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<jakarta.ws.rs.ProcessingException> {
        @Override
        public Response toResponse(jakarta.ws.rs.ProcessingException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return Problem.of(Response.Status.BAD_REQUEST, "The request body could not be read: " + cause.getMessage())
                    .toResponse();
        }
    }

    /** An operation the resource's state does not allow now (restart a running job, …): 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<IllegalStateException> {
        @Override
        public Response toResponse(IllegalStateException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    /** Unknown resource: 404. */
    @Provider
    public static class NotFound implements ExceptionMapper<NoSuchElementException> {
        @Override
        public Response toResponse(NoSuchElementException e) {
            return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
        }
    }

    /** A change that contradicts the current state: 409. */
    @Provider
    public static class ConflictingChange implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    /** No acceptable token where {@code @RolesAllowed} wants one: 401 with the bearer challenge. */
    @Provider
    public static class NotAuthorized implements ExceptionMapper<NotAuthorizedException> {
        @Override
        public Response toResponse(NotAuthorizedException e) {
            return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                    "Authentication required: send Authorization: Bearer <token> (from POST /api/auth/token)")
                    .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flatingest\"").build();
        }
    }

    /** A known user whose role does not allow the call: 403. */
    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this").toResponse();
        }
    }

    /** ClickHouse refused or was unreachable: 502 (or 503 when a retry may help). */
    @Provider
    public static class ClickHouseFailure implements ExceptionMapper<ClickHouseAccessException> {
        @Override
        public Response toResponse(ClickHouseAccessException e) {
            Response.Status status = e.isTransient() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.BAD_GATEWAY;
            return Problem.of(status, "ClickHouse: " + e.getMessage()).toResponse();
        }
    }

    /** JAX-RS's own errors (405, 415, …) keep their status but speak problem+json. */
    @Provider
    public static class WebFailure implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                status = Response.Status.INTERNAL_SERVER_ERROR;
            }
            return Problem.of(status, e.getMessage()).toResponse();
        }
    }

    /** Anything else: 500, logged with its stack trace, reported without internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "Unexpected error in a REST call", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                    "Unexpected error (" + e.getClass().getSimpleName() + "); the server log has the details")
                    .toResponse();
        }
    }
}
