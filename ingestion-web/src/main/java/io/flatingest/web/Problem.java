package io.flatingest.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title  short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, in words a user can act on
 */
public record Problem(String type, String title, int status, String detail) {

    /** The problem+json media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem for a status with the given detail. */
    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail);
    }

    /** This problem as a response. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
