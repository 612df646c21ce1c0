package io.flatingest.files.web;

import io.flatingest.common.ConflictException;
import io.flatingest.files.boundary.LandingFile;
import io.flatingest.files.boundary.LandingFiles;
import io.flatingest.files.boundary.UploadTooLargeException;
import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.web.CurrentUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /console/upload?name=…[&overwrite=true]} with the file as the request body: the import wizard sends it
 * with {@code XMLHttpRequest}, whose upload events drive its progress bar. Operators only (web.xml); cross-site posts
 * are refused by {@code CsrfGuard}; audited like the REST upload. Answers JSON: the stored file, or
 * {@code {"error": …}} with 400, 409 or 413.
 */
@WebServlet("/console/upload")
public class ConsoleUpload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    LandingFiles files;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("The upload has no file name");
            }
            LandingFile stored = files.store(name, request.getInputStream(),
                    "true".equals(request.getParameter("overwrite")));
            audit.record(currentUser.actor(), AuditAction.FILE_UPLOADED, "file " + stored.name(),
                    stored.size() + " bytes (console)");
            response.getWriter().write(Json.createObjectBuilder().add("name", stored.name())
                    .add("size", stored.size()).build().toString());
        } catch (IllegalArgumentException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (ConflictException e) {
            error(response, HttpServletResponse.SC_CONFLICT, e.getMessage());
        } catch (UploadTooLargeException e) {
            error(response, 413, e.getMessage());
        }
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.getWriter().write(Json.createObjectBuilder().add("error", message == null ? "refused" : message)
                .build().toString());
    }
}
