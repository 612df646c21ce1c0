package io.flatingest.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flatingest.web.IngestionApplication;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS resource method of the web module — those that exist now and every one added later — names who may
 * call it: {@code @RolesAllowed}, or {@code @PermitAll} for the token endpoint alone. (web.xml already demands a
 * token for everything under /api; this makes the role a conscious choice.)
 */
class EveryResourceMethodDeclaresItsRolesTest {

    private static final List<String> OPEN = List.of("AuthResource.token", "AuthResource.tokenFromForm");

    @Test
    void everyResourceMethodHasRolesAllowedAndOnlyTheTokenEndpointIsOpen() throws Exception {
        List<String> undeclared = new ArrayList<>();
        List<String> open = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resourceClasses()) {
            for (Method m : resource.getDeclaredMethods()) {
                if (Arrays.stream(m.getAnnotations())
                        .noneMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    continue;
                }
                methods++;
                String name = resource.getSimpleName() + "." + m.getName();
                if (declares(m, PermitAll.class) || (!declaresRoles(m) && declares(resource, PermitAll.class))) {
                    open.add(name);
                } else if (!declaresRoles(m) && !declaresRoles(resource)) {
                    undeclared.add(name);
                }
            }
        }
        assertFalse(methods < 10, "the scan found too few resource methods (" + methods + ")");
        assertEquals(List.of(), undeclared, "resource methods without @RolesAllowed");
        assertEquals(OPEN, open.stream().sorted().toList(), "open resource methods");
    }

    private static boolean declaresRoles(AnnotatedElement e) {
        return declares(e, RolesAllowed.class) || declares(e, DenyAll.class);
    }

    private static boolean declares(AnnotatedElement e, Class<? extends java.lang.annotation.Annotation> a) {
        return e.isAnnotationPresent(a);
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(IngestionApplication.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, IngestionApplication.class.getClassLoader());
                    if (c.isAnnotationPresent(Path.class)) {
                        found.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("Cannot load " + name, e);
                }
            }
        }
        return found;
    }
}
