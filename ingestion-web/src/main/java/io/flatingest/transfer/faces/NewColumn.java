package io.flatingest.transfer.faces;

import java.io.Serializable;

/** A column of the table the import wizard proposes: name and type editable, the file column it came from, why. */
public class NewColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String type;
    private final String source;
    private final String reason;

    public NewColumn(String name, String type, String source, String reason) {
        this.name = name;
        this.type = type;
        this.source = source;
        this.reason = reason;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** The file column (header name, or 1-based position as text). */
    public String getSource() {
        return source;
    }

    public String getReason() {
        return reason;
    }
}
