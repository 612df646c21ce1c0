/** The connections page: ClickHouse profiles created, tested, edited and deleted by administrators. */
package io.flatingest.connection.faces;
