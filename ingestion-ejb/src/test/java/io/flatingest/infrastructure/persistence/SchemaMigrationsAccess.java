package io.flatingest.infrastructure.persistence;

import java.util.List;

/** Lets tests of other packages split the schema scripts as SchemaMigrations does. */
public final class SchemaMigrationsAccess {

    private SchemaMigrationsAccess() {
    }

    public static List<String> statements(String script) {
        return SchemaMigrations.statements(script);
    }
}
