package io.flatingest.transfer.faces;

import io.flatingest.infrastructure.flatfile.Dialect;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The import wizard's editable dialect: filled from the detected one, turned back into a {@link Dialect}. Characters
 * are typed as text ({@code \t} for a tab, empty quote for none).
 */
public class DialectForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String format = "CSV";
    private String delimiter = ",";
    private String quote = "\"";
    private String escape = Dialect.EscapeMode.DOUBLED_QUOTE.name();
    private boolean header = true;
    private int skipLines;
    private String nullToken = "\\N";
    private boolean emptyIsNull = true;
    private String encoding = "UTF-8";
    private boolean trim;

    /** Takes over a dialect (the detected one). */
    public void fill(Dialect d) {
        format = d.format().name();
        delimiter = show(d.delimiter());
        quote = d.quote() == Dialect.NO_QUOTE ? "" : show(d.quote());
        escape = d.escape().name();
        header = d.header();
        skipLines = d.skipLines();
        emptyIsNull = d.nullTokens().contains("");
        nullToken = d.nullTokens().stream().filter(t -> !t.isEmpty()).findFirst().orElse("");
        encoding = d.encoding();
        trim = d.trim();
    }

    /** The dialect the form describes; IllegalArgumentException naming the field at fault. */
    public Dialect toDialect() {
        Set<String> nulls = new LinkedHashSet<>();
        if (emptyIsNull) {
            nulls.add("");
        }
        if (nullToken != null && !nullToken.isEmpty()) {
            nulls.add(nullToken);
        }
        Dialect.Format f = Dialect.Format.valueOf(format);
        char q = quote == null || quote.isEmpty() ? Dialect.NO_QUOTE : character("quote", quote);
        if (skipLines < 0) {
            throw new IllegalArgumentException("skipLines: must not be negative");
        }
        return new Dialect(f, character("delimiter", delimiter), q, Dialect.EscapeMode.valueOf(escape), header,
                skipLines, nulls, encoding, trim);
    }

    static char character(String field, String text) {
        if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
            return '\t';
        }
        if (text == null || text.length() != 1) {
            throw new IllegalArgumentException(field + ": one character (or the word tab), got '"
                    + (text == null ? "" : text) + "'");
        }
        return text.charAt(0);
    }

    static String show(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getQuote() {
        return quote;
    }

    public void setQuote(String quote) {
        this.quote = quote;
    }

    public String getEscape() {
        return escape;
    }

    public void setEscape(String escape) {
        this.escape = escape;
    }

    public boolean isHeader() {
        return header;
    }

    public void setHeader(boolean header) {
        this.header = header;
    }

    public int getSkipLines() {
        return skipLines;
    }

    public void setSkipLines(int skipLines) {
        this.skipLines = skipLines;
    }

    public String getNullToken() {
        return nullToken;
    }

    public void setNullToken(String nullToken) {
        this.nullToken = nullToken;
    }

    public boolean isEmptyIsNull() {
        return emptyIsNull;
    }

    public void setEmptyIsNull(boolean emptyIsNull) {
        this.emptyIsNull = emptyIsNull;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public boolean isTrim() {
        return trim;
    }

    public void setTrim(boolean trim) {
        this.trim = trim;
    }
}
