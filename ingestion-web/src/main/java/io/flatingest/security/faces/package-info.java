/** The console's login and logout. Pages: {@code login.xhtml} (open), {@code index.xhtml}, {@code admin/*}. */
package io.flatingest.security.faces;
