/** Tables of the security feature: user accounts and the audit trail. */
package io.flatingest.security.entity;
