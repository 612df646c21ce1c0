package io.flatingest.security.faces;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * Refuses a {@link RequireRole} action to callers without the role: the browser gets 403, the action never runs.
 * Serializable because view-scoped console beans (passivating scope) carry it.
 */
@RequireRole("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RequireRoleInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    private SecurityContext security() {
        if (security == null) { // after deserialization
            security = CDI.current().select(SecurityContext.class).get();
        }
        return security;
    }

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        RequireRole required = invocation.getMethod().getAnnotation(RequireRole.class);
        if (required == null) {
            required = invocation.getMethod().getDeclaringClass().getAnnotation(RequireRole.class);
        }
        if (required == null || security().isCallerInRole(required.value())) {
            return invocation.proceed();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            throw new SecurityException("Role " + required.value() + " required");
        }
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN,
                    "Your role does not allow this");
        } catch (IOException e) {
            throw new SecurityException("Role " + required.value() + " required", e);
        }
        faces.responseComplete();
        return null;
    }
}
