/**
 * The one authentication mechanism the REST API and the console share: a token from {@code Authorization: Bearer}
 * or from the console's HttpOnly cookie, validated by Payara's MicroProfile JWT; 401 problem+json for the API, a
 * redirect to the login page for console pages. Also the cookie itself, the CSRF guard and {@link
 * io.flatingest.security.web.CurrentUser}.
 */
package io.flatingest.security.web;
