/** REST resources of the security feature: the token endpoint, the current user, users and the audit trail. */
package io.flatingest.security.rest;
