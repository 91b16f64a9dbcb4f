package muster.io.force;

import java.util.List;
import java.util.function.UnaryOperator;
import muster.model.Fault;

/**
 * What a force file reader gives: the value (null when any fault is an error) and every fault.
 *
 * @param locator adds the file and line to a fault found later, from the fault's path
 */
public record ForceRead<T>(T value, List<Fault> faults, UnaryOperator<Fault> locator) {
    public ForceRead {
        faults = List.copyOf(faults);
    }

    public boolean refused() {
        return value == null;
    }

    public Fault locate(Fault f) {
        return locator.apply(f);
    }
}
