package muster.engine.check.testkit;

import java.util.ArrayList;
import java.util.List;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * Writes plans by hand, for tests. Missions keep the order they are written in. {@link #build()}
 * states the measures and line results the rule checker recomputes, so that a test of one rule sees
 * only that rule; {@link #build(Measures, List)} states given ones.
 *
 * <pre>{@code
 * Plan p = PlanBuilder.of(scenario)
 *     .mission("M1", "JET", 0)
 *         .stop("P", ONLOAD, 3, 7).stop("Q", OFFLOAD, 9, 10)
 *         .load("A1", 50, 0, 1, stons(BULK, 20))
 *     .mission("M2", "JET", 1) ...
 *     .build();
 * }</pre>
 */
public final class PlanBuilder {
    private final Scenario scenario;
    private final List<MissionBuilder> missions = new ArrayList<>();

    private PlanBuilder(Scenario scenario) {
        this.scenario = scenario;
    }

    public static PlanBuilder of(Scenario scenario) {
        return new PlanBuilder(scenario);
    }

    /** Stons of one class in a load. */
    public static LoadCargo stons(CargoClass c, double stons) {
        return new LoadCargo(c, stons);
    }

    /** Starts a mission; add its stops and loads on the returned builder. */
    public MissionBuilder mission(String id, String lift, int tail) {
        MissionBuilder m = new MissionBuilder(id, lift, tail);
        missions.add(m);
        return m;
    }

    /** The missions written so far. */
    public List<Mission> missions() {
        List<Mission> out = new ArrayList<>();
        for (MissionBuilder m : missions) {
            out.add(m.toMission());
        }
        return out;
    }

    /** The plan, with the measures and line results the checker recomputes. */
    public Plan build() {
        return PlanEdits.restated(scenario, build(new Measures(0, 0, 0, 0, List.of()), List.of()));
    }

    /** The plan, with the given measures and line results. */
    public Plan build(Measures measures, List<muster.model.LineResult> lines) {
        return new Plan(
                scenario.name(),
                new PlannerInfo("hand", "test", 0, scenario.planning().seed()),
                measures,
                null,
                missions(),
                lines,
                List.of());
    }

    /** Checks the plan as {@link #build()} gives it. */
    public CheckReport check() {
        return PlanChecker.check(scenario, build());
    }

    /** One mission being written. */
    public final class MissionBuilder {
        private final String id;
        private final String lift;
        private final int tail;
        private final List<Stop> stops = new ArrayList<>();
        private final List<Load> loads = new ArrayList<>();

        private MissionBuilder(String id, String lift, int tail) {
            this.id = id;
            this.lift = lift;
            this.tail = tail;
        }

        public MissionBuilder stop(String node, Activity activity, double arrive, double depart) {
            stops.add(new Stop(node, activity, arrive, depart));
            return this;
        }

        public MissionBuilder load(String uln, int pax, int on, int off, LoadCargo... cargo) {
            loads.add(new Load(uln, pax, List.of(cargo), on, off));
            return this;
        }

        /** Starts the next mission. */
        public MissionBuilder mission(String id, String lift, int tail) {
            return PlanBuilder.this.mission(id, lift, tail);
        }

        public Plan build() {
            return PlanBuilder.this.build();
        }

        public Plan build(Measures measures, List<muster.model.LineResult> lines) {
            return PlanBuilder.this.build(measures, lines);
        }

        public PlanBuilder plan() {
            return PlanBuilder.this;
        }

        Mission toMission() {
            return new Mission(id, lift, tail, stops, loads);
        }
    }
}
