package io.flatingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flatingest.report.entity.ExecutionReport;
import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The EAR's web module has its own view of the persistence unit (src/main/ear-war/META-INF/persistence.xml, see
 * the comment there). It must list every managed class of the EJB module and use the same datasource, or the EAR
 * fails on Payara Server only, where no other test would notice before the smoke test.
 */
class PersistenceUnitsTest {

    private static final Path WEB_UNIT = Path.of("src/main/ear-war/META-INF/persistence.xml");

    @Test
    void theWebModulesUnitListsEveryManagedClassOfTheEjbModule() throws Exception {
        Set<String> listed = new TreeSet<>(all(Files.readString(WEB_UNIT), "<class>([^<]+)</class>"));
        assertEquals(managedClassesOfTheEjbModule(), listed,
                "add the EJB module's entities and converters to " + WEB_UNIT);
    }

    @Test
    void bothUnitsHaveTheSameNameAndDatasource() throws IOException {
        String ejbUnit = new String(ExecutionReport.class.getResourceAsStream("/META-INF/persistence.xml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String webUnit = Files.readString(WEB_UNIT);
        for (String pattern : List.of("<persistence-unit name=\"([^\"]+)\"", "<jta-data-source>([^<]+)<",
                "<shared-cache-mode>([^<]+)<", "<property name=\"([^\"]+\" value=\"[^\"]*)\"")) {
            assertEquals(all(ejbUnit, pattern), all(webUnit, pattern), pattern);
        }
    }

    private static Set<String> managedClassesOfTheEjbModule() throws IOException, URISyntaxException {
        Path location = Path.of(ExecutionReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> managed = new TreeSet<>();
        if (Files.isDirectory(location)) {
            collect(location, managed);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                collect(jar.getPath("/"), managed);
            }
        }
        return managed;
    }

    private static void collect(Path root, Set<String> managed) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, PersistenceUnitsTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Converter.class)
                            || type.isAnnotationPresent(Embeddable.class)
                            || type.isAnnotationPresent(MappedSuperclass.class)) {
                        managed.add(name);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class whose dependencies are not on the test class path: not a managed class of ours
                }
            }
        }
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.results().map(r -> r.group(1).strip()).toList();
    }
}
