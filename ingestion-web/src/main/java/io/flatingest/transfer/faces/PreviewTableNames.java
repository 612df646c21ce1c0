package io.flatingest.transfer.faces;

/** A table name suggested from a file name: extensions dropped, other characters than letters, digits and _ as _. */
final class PreviewTableNames {

    private PreviewTableNames() {
    }

    static String fromFile(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = base.indexOf('.');
        String name = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^A-Za-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "t_" + name;
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
