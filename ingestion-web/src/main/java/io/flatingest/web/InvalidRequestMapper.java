package io.flatingest.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * A request that Bean Validation refuses ({@code @Valid} bodies, constrained parameters): 400 problem+json naming
 * each field and what is wrong with it, e.g. {@code name: must not be blank}.
 */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream().map(InvalidRequestMapper::describe).sorted()
                .collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "Invalid request: " + detail).toResponse();
    }

    private static String describe(ConstraintViolation<?> v) {
        // "create.body.name" → "name"; "create.body" (the body itself) → "body"
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        String field = parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
        return field + ": " + v.getMessage();
    }
}
