package muster.model;

/**
 * One thing wrong with an input.
 *
 * @param severity ERROR refuses the input; WARNING does not
 * @param path where in the document, e.g. {@code requirements[12].poe}
 * @param where the human name of the place, e.g. {@code requirement A82AB01}
 * @param field the field at fault
 * @param value the offending value as text (may be empty)
 * @param message what is wrong
 * @param hint a likely fix, or null
 */
public record Fault(
        Severity severity,
        String path,
        String where,
        String field,
        String value,
        String message,
        String hint) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * One line: {@code where: field 'value': message}; a second line starts "Maybe" when hinted.
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(severity == Severity.WARNING ? "warning: " : "error: ");
        b.append(where).append(": ").append(field);
        if (value != null) {
            b.append(" '").append(value).append('\'');
        }
        b.append(": ").append(message);
        if (hint != null) {
            b.append(System.lineSeparator()).append("  Maybe ").append(hint);
        }
        return b.toString();
    }
}
