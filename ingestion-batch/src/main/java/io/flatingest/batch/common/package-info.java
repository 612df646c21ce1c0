/** Artifacts every job uses: the execution's registration with its server (crash recovery). */
package io.flatingest.batch.common;
