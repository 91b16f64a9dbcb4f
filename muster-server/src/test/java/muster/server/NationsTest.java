package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Nation codes: ISO 3166-1 codes only, alpha-2 mapped to alpha-3. */
class NationsTest {
    @Test
    void anAssignedAlpha3CodeIsTakenInAnyCase() {
        assertThat(Nations.normalize("usa")).isEqualTo("USA");
        assertThat(Nations.normalize(" POL ")).isEqualTo("POL");
        assertThat(Nations.normalize("MKD")).isEqualTo("MKD");
    }

    @Test
    void alpha2CodesMapToAlpha3IncludingOnesOutsideTheAlliance() {
        assertThat(Nations.normalize("us")).isEqualTo("USA");
        assertThat(Nations.normalize("UK")).isEqualTo("GBR");
        assertThat(Nations.normalize("CY")).isEqualTo("CYP");
    }

    @Test
    void threeLettersThatNameNoCountryAreRefusedByValue() {
        for (String code : new String[] {"XXX", "ABC", "NAT", "QQ"}) {
            assertThatThrownBy(() -> Nations.normalize(code))
                    .as(code)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "nation '"
                                    + code
                                    + "' is not an ISO 3166 alpha-3 (or known alpha-2) code");
        }
    }
}
