/** The schedules boundary: commands and views for the REST API and the console, and the tick entry point. */
package io.flatingest.schedule.boundary;
