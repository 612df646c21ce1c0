package io.flatingest.infrastructure.flatfile;

/** Why the scanner could not delimit a record cleanly; turned into a sentence with the record's line. */
enum Malformation {

    UNTERMINATED_QUOTE("unterminated quoted field starting on line %d"),
    TEXT_AFTER_QUOTE("text after a closing quote on line %d (a field is either quoted entirely or not at all)"),
    TOO_LONG("record starting on line %d is longer than the maximum record size");

    private final String template;

    Malformation(String template) {
        this.template = template;
    }

    String describe(long line) {
        return template.formatted(line);
    }
}
