package muster.engine.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import muster.model.force.CapabilityRequirement;
import muster.model.force.CapabilityType;
import muster.model.force.RequirementSet;
import muster.model.force.ResponseForce;
import org.junit.jupiter.api.Test;

class ResponseForcesTest {
    static final ResponseForce NRF =
            new ResponseForce(
                    "NRF",
                    "DEST",
                    "APOD",
                    "SPOD",
                    List.of(
                            new ResponseForce.Tier(
                                    "VJTF",
                                    120,
                                    5,
                                    1,
                                    List.of(
                                            new ResponseForce.Contribution(
                                                    "FR",
                                                    CapabilityType.MECHANIZED_BATTLEGROUP,
                                                    null,
                                                    1),
                                            new ResponseForce.Contribution(
                                                    "BE",
                                                    CapabilityType.LIGHT_BATTLEGROUP,
                                                    null,
                                                    2))),
                            new ResponseForce.Tier(
                                    "IFFG",
                                    361,
                                    3,
                                    2,
                                    List.of(
                                            new ResponseForce.Contribution(
                                                    "DE", CapabilityType.ABCT, null, 1)))));

    @Test
    void activationTurnsTiersIntoDatedRequirementsForEachNation() {
        RequirementSet set =
                ResponseForces.activate(NRF, LocalDate.of(2022, 2, 2), LocalDate.of(2022, 1, 24));
        assertThat(set.decisionDay()).isEqualTo(9);
        List<CapabilityRequirement> rs = set.requirements();
        assertThat(rs).hasSize(3);
        // decision day 9 + ceil(120 h / 24) = 5 + close 5 days
        assertThat(rs.get(0).rdd()).isEqualTo(19);
        assertThat(rs.get(0).onlyNations()).containsExactly("FR");
        assertThat(rs.get(1).quantity()).isEqualTo(2);
        assertThat(rs.get(1).priority()).isEqualTo(1);
        // 361 h rounds up to 16 days
        assertThat(rs.get(2).rdd()).isEqualTo(9 + 16 + 3);
        assertThat(rs.get(2).priority()).isEqualTo(2);
        assertThat(rs).allMatch(r -> r.destination().equals("DEST") && r.airPod().equals("APOD"));
        assertThat(rs).extracting(CapabilityRequirement::id).doesNotHaveDuplicates();
    }

    @Test
    void refusesADecisionBeforeCDay() {
        assertThatThrownBy(
                        () ->
                                ResponseForces.activate(
                                        NRF, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 24)))
                .hasMessageContaining("before C-day");
    }
}
