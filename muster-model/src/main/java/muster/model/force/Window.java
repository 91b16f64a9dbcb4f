package muster.model.force;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period in which a unit can be tasked, both dates inclusive.
 *
 * @param from first day available
 * @param to last day available
 */
public record Window(LocalDate from, LocalDate to) {
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
        }
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
