package io.flatingest.security.faces;

import io.flatingest.security.boundary.AuditAction;
import io.flatingest.security.boundary.AuditTrail;
import io.flatingest.security.web.TokenCookie;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * {@code POST /logout}: clears the token cookie, ends the session and shows the login page. A POST so that a link
 * on another site cannot log users out; open (no token needed), so that it works with an expired token too. Any
 * page can offer it with {@code <form method="post" action="#{request.contextPath}/logout">}.
 */
@WebServlet(name = "Logout", urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditTrail audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal user = request.getUserPrincipal();
        if (user != null) {
            audit.record(user.getName(), AuditAction.LOGOUT, user.getName(), null, request.getRemoteAddr());
        }
        TokenCookie.clear(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml?loggedOut=true");
    }
}
