package muster.engine.check;

import java.util.List;
import muster.model.LineResult;
import muster.model.Measures;

/**
 * What the rule checker found.
 *
 * @param violations every violation, grouped by rule in rule order (form first, measures last)
 * @param measures the plan measures recomputed from the scenario and the plan's missions
 * @param lines the line results recomputed the same way, in scenario order ({@code reason} null)
 */
public record CheckReport(List<Violation> violations, Measures measures, List<LineResult> lines) {
    public CheckReport {
        violations = List.copyOf(violations);
        lines = List.copyOf(lines);
    }

    /** Whether the plan keeps every rule. */
    public boolean ok() {
        return violations.isEmpty();
    }

    /** The violations of one rule. */
    public List<Violation> ofRule(int rule) {
        return violations.stream().filter(v -> v.rule() == rule).toList();
    }
}
