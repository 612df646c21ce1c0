/** Start-up housekeeping of connection profiles. */
package io.flatingest.connection.control;
