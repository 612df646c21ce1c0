package io.flatingest.security.faces;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a console action needs, checked on the server ({@link RequireRoleInterceptor}) — for actions on
 * pages that other roles may see, e.g. {@code @RequireRole(Roles.OPERATOR) public String start()} on a jobs page that
 * viewers read. Pages themselves are protected by URL in web.xml; REST resources use {@code @RolesAllowed}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequireRole {

    /** A role name from {@link io.flatingest.security.boundary.Roles}. */
    @Nonbinding
    String value();
}
