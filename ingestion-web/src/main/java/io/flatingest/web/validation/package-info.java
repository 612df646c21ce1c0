/**
 * Bean Validation constraints for the fields of the API's command objects (request records). They compose the
 * standard {@code NotBlank}, {@code Size}, {@code Min}/{@code Max} and {@code DecimalMin}/{@code DecimalMax} but apply
 * to fields only: a standard constraint on a record component is copied onto the
 * canonical constructor's parameter too, where Payara's OpenAPI scanner fails on it (it expects a {@code @PathParam}
 * on every constrained parameter) and the whole {@code /openapi} document is lost. The OpenAPI schema states the
 * same rules with {@code @Schema}.
 */
package io.flatingest.web.validation;
