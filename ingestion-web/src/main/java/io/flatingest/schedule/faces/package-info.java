/** The console's schedules page ({@code schedules.xhtml}). */
package io.flatingest.schedule.faces;
