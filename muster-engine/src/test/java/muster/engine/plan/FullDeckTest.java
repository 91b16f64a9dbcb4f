package muster.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import muster.engine.check.PlanChecker;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line whose cargo is exactly one ship's weight and deck area: 4029 stons in 142,951 sqft on a
 * ship of 4029 stons and 142,951 sqft. The deck room, 142,951 sqft over the line's sqft per ston,
 * comes to 4028.9999999999995 stons in doubles, a hair under the line.
 */
class FullDeckTest {

    static Scenario fullDeck() {
        List<Node> nodes =
                List.of(
                        new Node("P", "P", NodeKind.SEAPORT, "US", 30.1, -52.3, 0, 1, 0),
                        new Node("Q", "Q", NodeKind.SEAPORT, "PT", 10.7, -36.7, 0, 1, 0),
                        new Node(
                                "CAMP",
                                "CAMP",
                                NodeKind.ASSEMBLY_AREA,
                                "PT",
                                10.8,
                                -36.7,
                                0,
                                0,
                                0));
        LiftType ship =
                new LiftType(
                        "RORO",
                        LiftMode.SEA,
                        1,
                        0,
                        "P",
                        EnumSet.of(CargoClass.OVERSIZE),
                        0,
                        4029,
                        142951,
                        23,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(0, 0.5, 0));
        List<Route> routes =
                List.of(
                        new Route("sea", RouteMode.SEA, "P", "Q", List.of(), List.of(1898.7), 0),
                        new Route("road", RouteMode.ROAD, "Q", "CAMP", List.of(), List.of(), 1));
        RequirementLine line =
                new RequirementLine(
                        "L0",
                        "unit",
                        "US",
                        0,
                        List.of(new CargoEntry(CargoClass.OVERSIZE, 4029, 142951)),
                        "P",
                        "P",
                        "Q",
                        "CAMP",
                        1,
                        1,
                        1,
                        1,
                        5,
                        1,
                        LineMode.SEA);
        return new Scenario(
                "full-deck",
                nodes,
                List.of(ship),
                routes,
                List.of(line),
                new Planning(14, 0.2, 1, 100, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo"})
    void aLineThatFillsTheShipExactlySailsOnOneVoyage(String planner) {
        // lns left the whole line off every voyage (rule 10: 4029 stons lost); fifo sailed a
        // second voyage a week later for the 4.5e-13 stons left over, closing the line on day 11
        Scenario s = fullDeck();
        Plan p = Planners.byName(planner).plan(s, PlanOptions.of(s), Progress.NONE);
        assertThat(PlanChecker.check(s, p).violations()).isEmpty();
        assertThat(p.missions()).hasSize(1);
        Mission m = p.missions().get(0);
        double stons = m.loads().stream().mapToDouble(Load::stons).sum();
        assertThat(stons).isCloseTo(4029, within(1e-6));
        // sails at hour 24 (ALD 1), 1898.7 nm at 23 kn, half an hour offload, an hour's road
        assertThat(p.lines().get(0).closure()).isCloseTo(24 + 1898.7 / 23 + 0.5 + 1, within(1e-6));
        assertThat(p.measures().unmet()).isEmpty();
        assertThat(p.measures().lateStonDays()).isZero();
    }
}
