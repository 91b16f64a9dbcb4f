package muster.engine.sourcing;

import java.util.List;
import muster.model.Fault;
import muster.model.RequirementLine;
import muster.model.Scenario;

/**
 * What sourcing gives: the choices, the slots left empty, and the TPFDD lines of the chosen units.
 * When {@code faults} holds an error, nothing was sourced and the other fields are empty.
 *
 * @param scenario the network scenario with the catalogue's stations added and its requirements
 *     replaced by (or extended with) {@code lines}; null when refused
 * @param totalCost the optimal objective: chosen pair costs plus unfilled costs
 */
public record SourcingResult(
        List<Fault> faults,
        List<Choice> choices,
        List<Unfilled> unfilled,
        List<RequirementLine> lines,
        Scenario scenario,
        long totalCost) {
    public SourcingResult {
        faults = List.copyOf(faults);
        choices = List.copyOf(choices);
        unfilled = List.copyOf(unfilled);
        lines = List.copyOf(lines);
    }

    public boolean refused() {
        return faults.stream().anyMatch(Fault::isError);
    }
}
