package io.flatingest.report.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an exception chain into what a user needs: the messages that say something, innermost cause last, without
 * the batch runtime's wrappers ("Failure in Read-Process-Write Loop") and without class names where a message
 * exists.
 */
public final class FailureMessages {

    private static final Set<String> NOISE = Set.of("Failure in Read-Process-Write Loop",
            "Caught throwable in main execution loop");

    private FailureMessages() {
    }

    /** One line per distinct meaningful message, outermost first, joined with " ← because: ". */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Set<String> messages = new LinkedHashSet<>();
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = failure; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            String message = t.getMessage();
            String type = t.getClass().getName();
            if (type.startsWith("com.ibm.jbatch.") || type.startsWith("jakarta.batch.operations.")
                    && message != null && message.startsWith(type)) {
                continue;
            }
            if (message == null || message.isBlank()) {
                messages.add(t.getClass().getSimpleName());
                continue;
            }
            String cleaned = message.strip();
            int colon = cleaned.indexOf(": ");
            if (colon > 0 && cleaned.substring(0, colon).matches("[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error)")) {
                cleaned = cleaned.substring(colon + 2).strip(); // "java.lang.IllegalStateException: text" -> "text"
            }
            String text = cleaned;
            if (!NOISE.contains(text) && messages.stream().noneMatch(m -> m.contains(text))) {
                messages.add(text);
            }
        }
        return String.join(" ← because: ", messages);
    }
}
