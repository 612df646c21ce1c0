/**
 * Who may do what: user accounts with PBKDF2 password hashes, the three roles, RS256 tokens (MicroProfile JWT)
 * signed with a configured or generated key pair, throttling of failed logins, encryption of stored secrets, and
 * the audit trail. {@code boundary} is what the REST API and the console call; {@code control} holds keys, hashing,
 * token building and throttling; {@code entity} the tables.
 */
package io.flatingest.security;
