package muster.engine.check.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.model.Load;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * Small changes to a plan, for tests that break one rule of a correct plan. Each returns a new
 * plan; the given one is unchanged. An unknown mission id or index throws {@link
 * IllegalArgumentException}.
 */
public final class PlanEdits {
    private PlanEdits() {}

    /** The plan with its measures and line results replaced by the ones the checker recomputes. */
    public static Plan restated(Scenario scenario, Plan plan) {
        CheckReport r = PlanChecker.check(scenario, plan);
        return new Plan(
                plan.scenario(),
                plan.planner(),
                r.measures(),
                plan.lowerBound(),
                plan.missions(),
                r.lines(),
                plan.bindingConstraints());
    }

    public static Plan withMission(Plan plan, String missionId, UnaryOperator<Mission> change) {
        List<Mission> ms = new ArrayList<>(plan.missions());
        int i = indexOf(plan, missionId);
        ms.set(i, change.apply(ms.get(i)));
        return withMissions(plan, ms);
    }

    public static Plan withMissions(Plan plan, List<Mission> missions) {
        return new Plan(
                plan.scenario(),
                plan.planner(),
                plan.measures(),
                plan.lowerBound(),
                missions,
                plan.lines(),
                plan.bindingConstraints());
    }

    /** Replaces stop {@code stop} of a mission. */
    public static Plan withStop(Plan plan, String missionId, int stop, UnaryOperator<Stop> change) {
        return withMission(
                plan,
                missionId,
                m -> {
                    List<Stop> s = new ArrayList<>(m.stops());
                    s.set(stop, change.apply(s.get(stop)));
                    return new Mission(m.id(), m.lift(), m.tail(), s, m.loads());
                });
    }

    /** Replaces load {@code load} (index in the mission's loads) of a mission. */
    public static Plan withLoad(Plan plan, String missionId, int load, UnaryOperator<Load> change) {
        return withMission(
                plan,
                missionId,
                m -> {
                    List<Load> l = new ArrayList<>(m.loads());
                    l.set(load, change.apply(l.get(load)));
                    return new Mission(m.id(), m.lift(), m.tail(), m.stops(), l);
                });
    }

    /** Shifts every stop of a mission by {@code hours}. */
    public static Plan shifted(Plan plan, String missionId, double hours) {
        return withMission(
                plan,
                missionId,
                m -> {
                    List<Stop> s = new ArrayList<>();
                    for (Stop st : m.stops()) {
                        s.add(
                                new Stop(
                                        st.node(),
                                        st.activity(),
                                        st.arrive() + hours,
                                        st.depart() + hours));
                    }
                    return new Mission(m.id(), m.lift(), m.tail(), s, m.loads());
                });
    }

    public static Plan withMeasures(Plan plan, Measures measures) {
        return new Plan(
                plan.scenario(),
                plan.planner(),
                measures,
                plan.lowerBound(),
                plan.missions(),
                plan.lines(),
                plan.bindingConstraints());
    }

    public static Plan withLines(Plan plan, List<muster.model.LineResult> lines) {
        return plan.withLines(lines, plan.bindingConstraints());
    }

    private static int indexOf(Plan plan, String missionId) {
        for (int i = 0; i < plan.missions().size(); i++) {
            if (plan.missions().get(i).id().equals(missionId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no mission '" + missionId + "' in the plan");
    }
}
