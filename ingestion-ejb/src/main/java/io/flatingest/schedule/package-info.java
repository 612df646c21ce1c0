/**
 * Schedules: saved transfers (an import or an export command) that run on a cron expression or every N
 * minutes/hours. A tick of the web module's clock asks {@link io.flatingest.schedule.boundary.ScheduleService} to
 * fire what is due; each tick is claimed in the database under a primary key, so that it fires once even with
 * several servers sharing the database, and each run is an ordinary transfer execution with its report.
 */
package io.flatingest.schedule;
