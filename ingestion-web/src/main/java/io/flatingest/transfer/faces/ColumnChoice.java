package io.flatingest.transfer.faces;

import java.io.Serializable;

/** A column in a wizard's column list: whether it is taken and, for imports, where it goes. */
public class ColumnChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String type;
    private boolean selected = true;
    private String target;

    public ColumnChoice(String name, String type) {
        this.name = name;
        this.type = type;
        this.target = name;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public boolean isSelected() {
        return selected;
    }

    public void setSelected(boolean selected) {
        this.selected = selected;
    }

    /** The table column a file column goes to (imports), or null for none. */
    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
