package io.flatingest.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores an {@link Instant} as a SQL TIMESTAMP (UTC wall time of the JVM's zone-free {@link Timestamp}). Applied
 * explicitly with {@code @Convert}: Jakarta Persistence 3.1 does not list {@code Instant} among the basic types,
 * and H2 and PostgreSQL must read the same column the same way.
 */
@Converter
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
