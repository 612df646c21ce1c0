/** The few types every feature shares (exceptions that map to HTTP statuses). */
package io.flatingest.common;
