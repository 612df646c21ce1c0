/** The web module's shared plumbing: the JAX-RS application and the mapping of errors to problem+json. */
package io.flatingest.web;
