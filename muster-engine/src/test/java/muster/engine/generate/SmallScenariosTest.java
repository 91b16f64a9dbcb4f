package muster.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;

class SmallScenariosTest {

    /** Checks the refusal list of the movement model's "Scenario" section, fault by fault. */
    static List<String> faults(Scenario s) {
        List<String> out = new ArrayList<>();
        Network net = new Network(s);
        Set<String> ids = new HashSet<>();
        for (Node n : s.nodes()) {
            if (!ids.add(n.id())) {
                out.add("duplicate node " + n.id());
            }
            if (n.kind() == NodeKind.AIRFIELD && n.mog() < 1) {
                out.add("airfield without mog " + n.id());
            }
            if (n.kind() == NodeKind.SEAPORT && n.berths() < 1) {
                out.add("seaport without berths " + n.id());
            }
        }
        for (LiftType t : s.lift()) {
            if (t.count() < 1 || t.availableFromDay() < 0 || net.node(t.baseNode()) == null) {
                out.add("bad lift type " + t.id());
            }
            NodeKind want = t.mode() == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            if (net.node(t.baseNode()).kind() != want) {
                out.add("base of wrong kind " + t.id());
            }
            if (t.mode() == LiftMode.AIR && t.carries(CargoClass.NAT)) {
                out.add("AIR type carries NAT " + t.id());
            }
        }
        for (Route r : s.routes()) {
            for (String p : r.points()) {
                if (net.node(p) == null) {
                    out.add("route to unknown node " + p);
                }
            }
            if (r.isChannel()) {
                NodeKind want =
                        r.mode().liftMode() == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
                for (String p : r.points()) {
                    if (net.node(p).kind() != want) {
                        out.add("channel " + r.id() + " through " + p);
                    }
                }
                if (!r.legsNm().isEmpty() && r.legsNm().size() != r.points().size() - 1) {
                    out.add("legsNm count " + r.id());
                }
            } else if (!(r.hours() > 0)) {
                out.add("road without hours " + r.id());
            }
        }
        Set<String> ulns = new HashSet<>();
        int horizon = s.planning().horizonDays();
        for (RequirementLine l : s.requirements()) {
            String u = l.uln();
            if (!ulns.add(u)) {
                out.add("duplicate uln " + u);
            }
            if (l.rld() < 0 || l.rld() > l.ald() || l.ead() > l.lad() || l.rdd() >= horizon) {
                out.add("dates " + u);
            }
            if (l.lad() > l.rdd()) {
                out.add("lad after rdd " + u);
            }
            if (l.priority() < 1 || l.pax() < 0) {
                out.add("priority or pax " + u);
            }
            if (l.pax() == 0 && l.cargoStons() <= 0) {
                out.add("empty line " + u);
            }
            Set<CargoClass> seen = EnumSet.noneOf(CargoClass.class);
            for (CargoEntry e : l.cargo()) {
                if (!seen.add(e.cargoClass()) || e.stons() <= 0 || e.sqft() < 0) {
                    out.add("cargo " + u + " " + e);
                }
                if (l.mode() == LineMode.SEA && e.sqft() <= 0) {
                    out.add("sea cargo without sqft " + u);
                }
            }
            if (net.node(l.origin()) == null || net.node(l.destination()) == null) {
                out.add("unknown origin or destination " + u);
                continue;
            }
            if (l.mode() == LineMode.LAND) {
                if (l.poe() != null || l.pod() != null) {
                    out.add("LAND line with poe/pod " + u);
                }
                if (net.landHours(l.origin(), l.destination()).isEmpty()) {
                    out.add("LAND line without road " + u);
                }
                continue;
            }
            LiftMode mode = l.mode().liftMode();
            NodeKind port = mode == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            if (net.node(l.poe()) == null
                    || net.node(l.pod()) == null
                    || net.node(l.poe()).kind() != port
                    || net.node(l.pod()).kind() != port) {
                out.add("poe/pod kind " + u);
                continue;
            }
            if (net.landHours(l.origin(), l.poe()).isEmpty()
                    || net.landHours(l.pod(), l.destination()).isEmpty()) {
                out.add("no road to poe or from pod " + u);
            }
            boolean carried = false;
            for (LiftType t : s.lift()) {
                if (t.mode() != mode || !Network.canCarryAll(t, l)) {
                    continue;
                }
                for (Route r : net.channels(mode, l.poe(), l.pod())) {
                    if (net.longestLegNm(r) <= t.rangeNm()) {
                        carried = true;
                    }
                }
            }
            if (!carried) {
                out.add("no lift type and route in range for " + u);
            }
        }
        return out;
    }

    @Test
    void manySeedsAndSizesGiveValidScenarios() {
        for (long seed = 1; seed <= 300; seed++) {
            int lines = 1 + (int) (seed % 60);
            Scenario s = SmallScenarios.random(seed, lines);
            assertThat(faults(s)).as("seed %d, %d lines", seed, lines).isEmpty();
            assertThat(ScenarioValidator.validate(s))
                    .as("validator on seed %d, %d lines", seed, lines)
                    .isEmpty();
            assertThat(s.requirements()).as("seed %d", seed).hasSize(lines);
            assertThat(s.lift()).as("seed %d", seed).hasSizeBetween(1, 3);
        }
    }

    @Test
    void sameSeedSameScenario() {
        assertThat(SmallScenarios.random(42, 30)).isEqualTo(SmallScenarios.random(42, 30));
        assertThat(SmallScenarios.random(42, 30)).isNotEqualTo(SmallScenarios.random(43, 30));
    }

    @Test
    void drawsEveryModeAndNeedsVias() {
        Set<LineMode> modes = EnumSet.noneOf(LineMode.class);
        Set<Integer> typeCounts = new HashSet<>();
        boolean via = false;
        for (long seed = 1; seed <= 60; seed++) {
            Scenario s = SmallScenarios.random(seed, 40);
            s.requirements().forEach(l -> modes.add(l.mode()));
            typeCounts.add(s.lift().size());
            Network net = new Network(s);
            LiftType jet = net.liftType("JET-A");
            for (Route r : s.routes()) {
                if (r.isChannel() && !r.via().isEmpty()) {
                    via = true;
                    // the direct leg would be out of the jet's range
                    assertThat(muster.model.Geo.distanceNm(net.node(r.from()), net.node(r.to())))
                            .as("seed %d route %s", seed, r.id())
                            .isGreaterThan(jet.rangeNm());
                }
            }
        }
        assertThat(modes).containsExactlyInAnyOrder(LineMode.values());
        assertThat(typeCounts).contains(1, 2, 3);
        assertThat(via).isTrue();
    }

    @Test
    void knobsLimitWhatIsDrawn() {
        SmallScenarios.Knobs airOnly = new SmallScenarios.Knobs(false, false, 1, 1);
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = SmallScenarios.random(seed, 20, airOnly);
            assertThat(faults(s)).as("seed %d", seed).isEmpty();
            assertThat(s.lift()).as("seed %d", seed).hasSize(1);
            assertThat(s.lift().get(0).count()).isEqualTo(1);
            assertThat(s.requirements()).allMatch(l -> l.mode() == LineMode.AIR);
        }
    }

    @Test
    void refusesSizesOutOfRange() {
        assertThatThrownBy(() -> SmallScenarios.random(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines = 0");
        assertThatThrownBy(() -> new SmallScenarios.Knobs(true, true, 4, 1))
                .hasMessageContaining("maxLiftTypes = 4");
    }
}
