package io.flatingest.infrastructure.clickhouse;

import java.time.ZoneId;

/**
 * What a ClickHouse server says about itself, and the feature gates derived from its version.
 *
 * @param version  the server's {@code version()}, e.g. {@code 18.16.1} or {@code 24.8.4.13}
 * @param timeZone the server's default time zone, used for {@code DateTime} columns that name none
 */
public record ServerInfo(String version, ZoneId timeZone) {

    /** Major version number (18, 23, 24, …). */
    public int major() {
        return part(0);
    }

    /** Minor version number. */
    public int minor() {
        return part(1);
    }

    /** Whether the server is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return major() > major || (major() == major && minor() >= minor);
    }

    /**
     * Whether the server knows the types 18.16 lacks (DateTime64, Bool, Map, IPv4/IPv6, Int128/256, Date32):
     * all of them exist, none experimental, from 22.1 on; earlier servers get the 18.16 feature set.
     */
    public boolean supportsModernTypes() {
        return atLeast(22, 1);
    }

    /** Whether {@code insert_deduplication_token} exists (22.2+). */
    public boolean supportsInsertDeduplicationToken() {
        return atLeast(22, 2);
    }

    /** Whether {@code system.parts} has {@code hash_of_all_files} (part fingerprints, 19.x+). */
    public boolean hasPartHashes() {
        return atLeast(19, 1);
    }

    /** Whether {@code ALTER … DROP COLUMN IF EXISTS} parses (not on 18.16). */
    public boolean supportsDropColumnIfExists() {
        return atLeast(19, 1);
    }

    private int part(int index) {
        String[] parts = version.split("\\.");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
