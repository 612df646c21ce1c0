package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flatingest.catalog.rest.CatalogResource;
import io.flatingest.connection.rest.ConnectionsResource;
import io.flatingest.files.rest.FilesResource;
import io.flatingest.preview.rest.PreviewsResource;
import io.flatingest.preview.rest.SchemasResource;
import io.flatingest.security.rest.AuditResource;
import io.flatingest.security.rest.AuthResource;
import io.flatingest.security.rest.UsersResource;
import io.flatingest.transfer.rest.JobsResource;
import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document Payara serves at {@code /openapi} against the resource classes: every resource method is
 * an operation with a summary, a success response with its schema, error responses, a request body schema where
 * it takes one, and the JWT bearer requirement (none for the token endpoint). The Swagger UI page is served.
 */
@ExtendWith(SharedMicro.class)
class OpenApiContractIT {

    private static final List<Class<?>> RESOURCES = List.of(JobsResource.class, FilesResource.class,
            PreviewsResource.class, SchemasResource.class, CatalogResource.class, ConnectionsResource.class,
            UsersResource.class, AuditResource.class, AuthResource.class);

    private static JsonObject document;
    private static MicroServer micro;

    @BeforeAll
    static void fetch(MicroServer server) {
        micro = server;
        HttpResponse<String> r = new ApiClient(server.rootUrl()).get("/openapi", "Accept", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        document = ApiClient.json(r).asJsonObject();
    }

    @Test
    void theDocumentDeclaresTheBearerSchemeAndRequiresItByDefault() {
        JsonObject jwt = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("jwt");
        assertEquals("http", jwt.getString("type"));
        assertEquals("bearer", jwt.getString("scheme"));
        assertEquals("JWT", jwt.getString("bearerFormat"));
        assertTrue(document.getJsonArray("security").getJsonObject(0).containsKey("jwt"));
        assertFalse(document.getJsonObject("info").getString("title").isBlank());
        assertEquals("/flatingest", document.getJsonArray("servers").getJsonObject(0).getString("url"),
                "Swagger UI's calls go to the application's context root");
    }

    @Test
    void everyResourceMethodIsDocumented() {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                operations++;
                String path = path(resource, method);
                String where = verb.toUpperCase() + " " + path + " (" + resource.getSimpleName() + "." + method.getName()
                        + ")";
                JsonObject pathItem = document.getJsonObject("paths").getJsonObject(path);
                JsonObject op = pathItem == null ? null : pathItem.getJsonObject(verb);
                if (op == null) {
                    problems.add(where + ": not in the document");
                    continue;
                }
                check(where, method, op, problems);
            }
        }
        assertTrue(operations >= 40, "resource methods found: " + operations);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static void check(String where, Method method, JsonObject op, List<String> problems) {
        if (op.getString("summary", "").isBlank()) {
            problems.add(where + ": no summary");
        }
        JsonObject responses = op.getJsonObject("responses");
        List<String> codes = responses == null ? List.of() : new ArrayList<>(responses.keySet());
        if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
            problems.add(where + ": no success response");
        }
        if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
            problems.add(where + ": no error response");
        }
        for (String code : codes) {
            JsonObject response = responses.getJsonObject(code);
            if (response.containsKey("$ref")) {
                String ref = response.getString("$ref");
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (!document.getJsonObject("components").getJsonObject("responses").containsKey(name)) {
                    problems.add(where + ": " + code + " refers to the unknown response " + ref);
                }
            } else if (code.startsWith("2") && !code.equals("202") && !code.equals("204")) {
                JsonObject content = response.getJsonObject("content");
                if (content == null || content.isEmpty()) {
                    problems.add(where + ": " + code + " has no content");
                } else {
                    content.forEach((media, c) -> checkSchema(where + " " + code + " " + media,
                            c.asJsonObject().getJsonObject("schema"), problems));
                }
            }
        }
        if (hasBody(method)) {
            JsonObject body = op.getJsonObject("requestBody");
            if (body == null || body.getJsonObject("content") == null) {
                problems.add(where + ": request body not documented");
            } else {
                body.getJsonObject("content").forEach((media, c) -> checkSchema(where + " body " + media,
                        c.asJsonObject().getJsonObject("schema"), problems));
            }
        }
        boolean open = method.isAnnotationPresent(PermitAll.class);
        JsonValue security = op.containsKey("security") ? op.get("security") : document.get("security");
        boolean bearer = security.getValueType() == JsonValue.ValueType.ARRAY && security.asJsonArray().stream()
                .anyMatch(s -> s.asJsonObject().containsKey("jwt"));
        if (open == bearer) {
            problems.add(where + (open ? ": open, but documented as needing a token" : ": no bearer requirement"));
        }
    }

    private static void checkSchema(String where, JsonObject schema, List<String> problems) {
        if (schema == null) {
            problems.add(where + ": no schema");
            return;
        }
        JsonObject resolved = resolve(schema);
        if (resolved == null) {
            problems.add(where + ": schema refers to an unknown component " + schema);
            return;
        }
        // Payara leaves "type" out of some object schemas that list their properties
        String type = resolved.getString("type", resolved.containsKey("properties") ? "object" : "");
        if (type.equals("array")) {
            JsonObject items = resolved.getJsonObject("items");
            if (items == null) {
                problems.add(where + ": array without items");
            } else if (resolve(items) != null && resolve(items).getString("type", "").equals("object")
                    && !resolve(items).containsKey("properties")) {
                problems.add(where + ": array of objects without properties");
            }
        } else if (type.equals("object") && !resolved.containsKey("properties")
                && !resolved.containsKey("additionalProperties")) {
            problems.add(where + ": object schema without properties");
        } else if (type.isEmpty()) {
            problems.add(where + ": schema without type " + resolved);
        }
    }

    private static JsonObject resolve(JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String ref = schema.getString("$ref");
        return document.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static boolean hasBody(Method method) {
        for (Parameter p : method.getParameters()) {
            boolean annotated = false;
            for (Annotation a : p.getAnnotations()) {
                String pkg = a.annotationType().getPackageName();
                annotated |= pkg.equals("jakarta.ws.rs") || pkg.equals("jakarta.ws.rs.core");
            }
            if (!annotated) {
                return true;
            }
        }
        return false;
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase();
            }
        }
        return null;
    }

    private static String path(Class<?> resource, Method method) {
        String path = "/api/" + resource.getAnnotation(Path.class).value();
        Path sub = method.getAnnotation(Path.class);
        if (sub != null) {
            path += "/" + sub.value();
        }
        return path.replaceAll("/+", "/");
    }

    @Test
    void swaggerUiIsServedWithoutLoginAndPointsAtTheDocument() {
        ApiClient anonymous = new ApiClient(micro.baseUrl());
        HttpResponse<String> page = anonymous.get("/swagger-ui/");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        HttpResponse<String> init = anonymous.get("/swagger-ui/swagger-initializer.js");
        assertEquals(200, init.statusCode());
        assertTrue(init.body().contains("/openapi"), init.body());
        String bundle = page.body().replaceAll("(?s).*src=\"\\.\\./(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\".*",
                "$1");
        HttpResponse<String> js = anonymous.get("/" + bundle);
        assertEquals(200, js.statusCode(), bundle);
        assertTrue(js.body().length() > 100_000, "the bundle is served whole");
    }
}
