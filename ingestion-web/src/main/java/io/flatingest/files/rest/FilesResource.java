package io.flatingest.files.rest;

import io.flatingest.files.boundary.LandingFile;
import io.flatingest.files.boundary.LandingFiles;
import io.flatingest.files.boundary.UploadTooLargeException;
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.boundary.Roles;
import io.flatingest.security.web.CurrentUser;
import io.flatingest.web.Problem;
import io.flatingest.web.IngestionApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The landing directory: list, upload, delete. Uploads stream to disk (multipart through the servlet container's
 * file-backed parts, or a raw body straight from the request stream) and never sit in memory. Operators only;
 * uploads and deletions are audited.
 */
@Path("files")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "files", description = "The landing directory imports read from")
@SecurityRequirement(name = IngestionApplication.JWT)
public class FilesResource {

    /** Multipart and header overhead tolerated above the size limit before the body is read at all. */
    private static final long ENVELOPE = 64 * 1024;

    @Inject
    LandingFiles files;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /** The files of the landing directory. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "List the landing directory",
            description = "Every file (subdirectories included, hidden files left out) with size and modification"
                    + " time, sorted by name. The name is what an import's `file` field takes.")
    @APIResponse(responseCode = "200", description = "The "
            + "files", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LandingFile.class),
            examples = @ExampleObject(name = "files", value = "[{\"name\":\"sales.csv\",\"size\":48213,"
                    + "\"modified\":\"2026-11-26T04:10:00Z\"}]")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<LandingFile> list() {
        return files.list();
    }

    /** One file's size and time. */
    @GET
    @Path("{name}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Describe one landing file")
    @APIResponse(responseCode = "200", description = "The "
            + "file", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LandingFile.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LandingFile get(@Parameter(description = "path relative to the landing directory", example = "sales.csv")
                           @PathParam("name") String name) {
        return files.get(name);
    }

    /** Uploads a file as multipart/form-data (part {@code file}; its file name names the stored file). */
    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file (multipart)",
            description = "Stores the part `file` in the landing directory under its file name (or the form field"
                    + " `name`). The upload streams to disk; beyond `flatingest.upload.max-bytes` it is refused with"
                    + " 413 and nothing is kept. An existing file is replaced only with `overwrite=true`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "file", properties = {
                    @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
                            description = "the file's content; its file name names the stored file"),
                    @SchemaProperty(name = "name", type = SchemaType.STRING,
                            description = "a name to store it under instead of the part's file name")})))
    @APIResponse(responseCode = "201", description = "Stored; Location names the file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LandingFile.class),
                    examples = @ExampleObject(name = "stored", value = "{\"name\":\"sales.csv\",\"size\":48213,"
                            + "\"modified\":\"2026-11-26T04:10:00Z\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Response upload(@Parameter(description = "replace an existing file of that name")
                           @QueryParam("overwrite") @DefaultValue("false") boolean overwrite) {
        refuseDeclaredOversize();
        Part part;
        String name;
        try {
            part = request.getPart("file");
            if (part == null) {
                throw new IllegalArgumentException("The multipart body has no part named 'file'");
            }
            Part nameField = request.getPart("name");
            name = nameField != null ? new String(nameField.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).strip() : part.getSubmittedFileName();
        } catch (ServletException e) {
            throw new IllegalArgumentException("The body is not valid multipart/form-data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            throw new UploadTooLargeException("upload", files.maxBytes());
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The part 'file' has no file name: send one, or a form field 'name'");
        }
        try (InputStream in = part.getInputStream()) {
            return stored(files.store(name, in, overwrite));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                part.delete();
            } catch (IOException ignored) {
                // the container removes its temporary file at the end of the request anyway
            }
        }
    }

    /** Uploads a file as the raw request body, streamed straight into the landing directory. */
    @PUT
    @Path("{name}")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload a file (raw body)",
            description = "Stores the request body as the named file, streamed (e.g. `curl -T sales.csv`)."
                    + " Same limit and overwrite rule as the multipart upload.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LandingFile.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    public Response put(@Parameter(description = "file name (no directories)", example = "sales.csv")
                        @PathParam("name") String name,
                        @Parameter(description = "replace an existing file of that name")
                        @QueryParam("overwrite") @DefaultValue("false") boolean overwrite,
                        InputStream body) {
        refuseDeclaredOversize();
        return stored(files.store(name, body, overwrite));
    }

    /** Deletes a landing file. */
    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Delete a landing file")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@Parameter(description = "path relative to the landing directory", example = "sales.csv")
                           @PathParam("name") String name) {
        files.delete(name);
        audit.record(currentUser.actor(), AuditAction.FILE_DELETED, "file " + name, "landing directory");
        return Response.noContent().build();
    }

    private Response stored(LandingFile file) {
        audit.record(currentUser.actor(), AuditAction.FILE_UPLOADED, "file " + file.name(), file.size() + " bytes");
        return Response.created(uri.getBaseUriBuilder().path("files").path(file.name()).build()).entity(file).build();
    }

    /** A body declared larger than the limit is refused before any of it is read. */
    private void refuseDeclaredOversize() {
        long length = request.getContentLengthLong();
        if (length > files.maxBytes() + ENVELOPE) {
            throw new UploadTooLargeException("upload", files.maxBytes());
        }
    }

    /** 413 for an upload over the limit. */
    @jakarta.ws.rs.ext.Provider
    public static class TooLargeMapper implements jakarta.ws.rs.ext.ExceptionMapper<UploadTooLargeException> {
        @Override
        public Response toResponse(UploadTooLargeException e) {
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage()).toResponse();
        }
    }
}
