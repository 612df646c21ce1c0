package io.flatingest.infrastructure.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns ClickHouse's exception text into a sentence for users, for old and new servers alike. */
final class ServerMessages {

    // 18.16: "Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist., e.what() = DB::Exception"
    // 24.x:  "Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version 24.8.1.1)"
    private static final Pattern EXCEPTION = Pattern.compile("DB::Exception: (.*?)(?:, e\\.what\\(\\) = .*)?$",
            Pattern.DOTALL);
    private static final Pattern VERSION_TAIL = Pattern.compile("\\s*\\(version [^)]*\\)\\s*$");
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

    /** Server error codes that a later retry may not see again: too many queries/parts, timeouts, network. */
    private static final Set<Integer> TRANSIENT = Set.of(159, 160, 164, 202, 203, 209, 210, 241, 242, 252, 285,
            319, 425, 439, 999, 1000);

    private ServerMessages() {
    }

    static String clean(String message) {
        if (message == null) {
            return "ClickHouse reported an error without a message";
        }
        String text = message.strip();
        Matcher code = CODE.matcher(text);
        String codePart = code.find() ? " (ClickHouse error " + code.group(1) + ")" : "";
        Matcher m = EXCEPTION.matcher(text);
        if (m.find()) {
            text = m.group(1);
        }
        text = VERSION_TAIL.matcher(text).replaceAll("");
        int stack = text.indexOf("\nStack trace");
        if (stack >= 0) {
            text = text.substring(0, stack);
        }
        text = text.replace("(transport error: 404)", "").replace("(transport error: 500)", "").strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text + codePart;
    }

    /** The error code named in the message, or 0. */
    static int code(String message) {
        Matcher m = CODE.matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static boolean isTransient(int code) {
        return TRANSIENT.contains(code);
    }
}
