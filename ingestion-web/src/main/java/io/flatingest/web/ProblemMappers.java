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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
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

    /**
     * A command object that fails its Bean Validation constraints: 400 naming every field, the value sent and the
     * rule, both in the detail sentence and as a list {@code errors} of {@code {field, value, message}}.
     */
    @Provider
    public static class InvalidFields implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream().map(FieldError::of)
                    .sorted(Comparator.comparing(FieldError::field)).toList();
            String detail = errors.stream().map(FieldError::sentence).collect(Collectors.joining("; "));
            return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE)
                    .entity(new ValidationProblem("about:blank", "Bad Request", 400, detail, errors)).build();
        }
    }

    /** A problem with the fields at fault. */
    public record ValidationProblem(String type, String title, int status, String detail, List<FieldError> errors) {
    }

    /**
     * One field at fault.
     *
     * @param field   the field's path in the body, e.g. {@code dialect.delimiter}, or {@code body}
     * @param value   the value sent (text of simple values; null when absent or structured)
     * @param message the rule it breaks
     */
    public record FieldError(String field, String value, String message) {

        static FieldError of(ConstraintViolation<?> v) {
            List<String> names = new ArrayList<>();
            for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
                if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER
                        && node.getKind() != ElementKind.CONSTRUCTOR && node.getName() != null) {
                    names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
                }
            }
            Object value = v.getInvalidValue();
            boolean simple = value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                    || value instanceof Enum<?>;
            return new FieldError(names.isEmpty() ? "body" : String.join(".", names), simple ? value.toString() : null,
                    v.getMessage());
        }

        String sentence() {
            return field.equals("body") ? message : field + " " + message + (value == null ? "" : " (got '" + value
                    + "')");
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
