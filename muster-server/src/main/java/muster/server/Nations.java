package muster.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Nation codes. Records and users carry ISO 3166 alpha-3 codes (as NATO markings do: "REL POL,
 * ROU"); scenario files may use alpha-2 ("US"), which are mapped here.
 */
public final class Nations {
    /** NATO members (32 since Sweden joined in March 2024; source: nato.int, member countries). */
    public static final Set<String> NATO =
            Set.of(
                    "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
                    "GRC", "HUN", "ISL", "ITA", "LVA", "LTU", "LUX", "MNE", "NLD", "MKD", "NOR",
                    "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE", "TUR", "GBR", "USA");

    private static final Map<String, String> ALPHA2 = new LinkedHashMap<>();

    static {
        String[] pairs = {
            "AL ALB", "BE BEL", "BG BGR", "CA CAN", "HR HRV", "CZ CZE", "DK DNK", "EE EST",
            "FI FIN", "FR FRA", "DE DEU", "GR GRC", "HU HUN", "IS ISL", "IT ITA", "LV LVA",
            "LT LTU", "LU LUX", "ME MNE", "NL NLD", "MK MKD", "NO NOR", "PL POL", "PT PRT",
            "RO ROU", "SK SVK", "SI SVN", "ES ESP", "SE SWE", "TR TUR", "GB GBR", "US USA",
            "UK GBR", "UA UKR", "AU AUS", "NZ NZL", "JP JPN", "KR KOR", "IE IRL", "AT AUT",
            "CH CHE", "MD MDA", "GE GEO"
        };
        for (String p : pairs) {
            ALPHA2.put(p.substring(0, 2), p.substring(3));
        }
    }

    /** ISO 3166-1 alpha-3 codes, as the JDK lists them. */
    private static final Set<String> ALPHA3 =
            Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

    /** ISO 3166-1 alpha-2 codes, as the JDK lists them. */
    private static final Set<String> ALPHA2_ISO = Set.of(Locale.getISOCountries());

    private Nations() {}

    /**
     * The alpha-3 code of {@code code} (alpha-2 or alpha-3, any case). An alpha-3 code must be one
     * ISO 3166-1 assigns; three letters alone (such as {@code XXX}) are not a nation.
     *
     * @throws IllegalArgumentException naming the value when it is not a nation code
     */
    public static String normalize(String code) {
        if (code == null) {
            throw new IllegalArgumentException("nation code missing");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() == 2 && ALPHA2.containsKey(c)) {
            return ALPHA2.get(c);
        }
        if (c.length() == 2 && ALPHA2_ISO.contains(c)) {
            return new Locale("", c).getISO3Country();
        }
        if (ALPHA3.contains(c)) {
            return c;
        }
        throw new IllegalArgumentException(
                "nation '" + code + "' is not an ISO 3166 alpha-3 (or known alpha-2) code");
    }

    public static boolean isNato(String alpha3) {
        return NATO.contains(alpha3);
    }
}
