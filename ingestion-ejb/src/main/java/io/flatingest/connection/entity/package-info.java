/** The connection profile table. */
package io.flatingest.connection.entity;
