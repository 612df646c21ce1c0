/** REST API of schedules: {@code /api/schedules}. */
package io.flatingest.schedule.rest;
