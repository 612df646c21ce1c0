/**
 * The application database (H2 or PostgreSQL, the same server-level datasource as the batch job repository): its
 * schema, created and upgraded by versioned SQL scripts at start-up, and JPA converters shared by all entities.
 */
package io.flatingest.infrastructure.persistence;
