/**
 * The machinery behind the security boundary: the signing key pair and how Payara's MP-JWT learns its public half,
 * token building, password hashing, login throttling, secret encryption and the first administrator.
 */
package io.flatingest.security.control;
