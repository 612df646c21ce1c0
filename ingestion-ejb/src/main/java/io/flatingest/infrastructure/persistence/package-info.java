/** Jakarta Persistence helpers shared by the entities of every feature (persistence unit {@code flatingest}). */
package io.flatingest.infrastructure.persistence;
