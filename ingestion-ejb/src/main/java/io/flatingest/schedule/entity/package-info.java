/** The persisted schedule. Claimed ticks, claimed files and runs are kept by the control package's ledger. */
package io.flatingest.schedule.entity;
