/** REST resource for ClickHouse connection profiles. */
package io.flatingest.connection.rest;
