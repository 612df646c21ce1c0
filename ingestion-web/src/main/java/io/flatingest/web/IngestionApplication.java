package io.flatingest.web;

import io.flatingest.security.boundary.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, under {@code /api}. Every call needs a token ({@code Authorization: Bearer}, from
 * {@code POST /api/auth/token}) except that one; every resource method names its least role with
 * {@code @RolesAllowed} (or {@code @PermitAll}).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
@SecurityScheme(securitySchemeName = IngestionApplication.JWT, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A token from POST /api/auth/token (user name and password)")
@SecurityRequirement(name = IngestionApplication.JWT)
public class IngestionApplication extends Application {

    /** Name of the bearer-token security scheme in the OpenAPI document. */
    public static final String JWT = "jwt";
}
