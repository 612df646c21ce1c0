package io.flatingest.web.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages for the console's beans: global ones at the top of the page, field ones next to their input. */
public final class Messages {

    private Messages() {
    }

    /** A confirmation at the top of the page, kept across a redirect. */
    public static void info(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    /** An error next to the input with this client id, or at the top of the page when it is null. */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** Marks the request as failed validation, so inputs keep what the user typed. */
    public static void failed() {
        FacesContext.getCurrentInstance().validationFailed();
    }
}
