package muster.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Geo;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;

/**
 * Generates deployment scenarios of a given scale over a real network of US and European
 * installations, airfields and seaports. The same scale and seed give the same scenario.
 *
 * <p>Coordinates are those of public aerodrome and port data (AIP/ICAO aerodrome reference points,
 * UN/LOCODE port positions) and of the posts and training areas in public gazetteers [S40], rounded
 * to about 0.01 degree; the Novo Selo training area is the exception noted in the table. MOG,
 * berths and handling hours are assumptions: working MOG of 2 to 8 aircraft for military and large
 * civil airfields, 2 or 3 berths usable for RoRo ships at a military port operation, 3 hours to
 * process people and cargo through an airfield and 24 hours through a seaport. Lift figures repeat
 * data/lift-types.yaml, whose sources are cited there. Keys in [brackets] point to entries of
 * scenarios/eastern-flank-2022.sources.md; every other figure is marked as an assumption where it
 * is used.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {}

    private record N(
            String id,
            String name,
            NodeKind kind,
            String country,
            double lat,
            double lon,
            int cap,
            String role) {}

    // role: US = US installation, EU = European installation, APOE, SPOE, ENR (en route),
    // APOD, SPOD, AA (assembly area), EAPOE (European airfield used as a POE)
    private static final List<N> NODES =
            List.of(
                    // US installations (public installation coordinates)
                    new N(
                            "FTBRAGG",
                            "Fort Bragg",
                            NodeKind.INSTALLATION,
                            "US",
                            35.14,
                            -79.00,
                            0,
                            "US"),
                    new N(
                            "FTHOOD",
                            "Fort Hood",
                            NodeKind.INSTALLATION,
                            "US",
                            31.13,
                            -97.78,
                            0,
                            "US"),
                    new N(
                            "FTSTEWART",
                            "Fort Stewart",
                            NodeKind.INSTALLATION,
                            "US",
                            31.87,
                            -81.61,
                            0,
                            "US"),
                    new N(
                            "FTCAMPBELL",
                            "Fort Campbell",
                            NodeKind.INSTALLATION,
                            "US",
                            36.66,
                            -87.47,
                            0,
                            "US"),
                    new N(
                            "FTCARSON",
                            "Fort Carson",
                            NodeKind.INSTALLATION,
                            "US",
                            38.74,
                            -104.79,
                            0,
                            "US"),
                    new N(
                            "FTBLISS",
                            "Fort Bliss",
                            NodeKind.INSTALLATION,
                            "US",
                            31.81,
                            -106.42,
                            0,
                            "US"),
                    new N(
                            "FTDRUM",
                            "Fort Drum",
                            NodeKind.INSTALLATION,
                            "US",
                            44.05,
                            -75.76,
                            0,
                            "US"),
                    new N(
                            "FTRILEY",
                            "Fort Riley",
                            NodeKind.INSTALLATION,
                            "US",
                            39.11,
                            -96.81,
                            0,
                            "US"),
                    // US aerial ports of embarkation (aerodrome reference points); MOG assumed
                    new N(
                            "KPOB",
                            "Pope Army Airfield",
                            NodeKind.AIRFIELD,
                            "US",
                            35.17,
                            -79.01,
                            6,
                            "APOE"),
                    new N(
                            "KCHS",
                            "Charleston AFB",
                            NodeKind.AIRFIELD,
                            "US",
                            32.90,
                            -80.04,
                            8,
                            "APOE"),
                    new N("KDOV", "Dover AFB", NodeKind.AIRFIELD, "US", 39.13, -75.47, 8, "APOE"),
                    new N("KWRI", "McGuire AFB", NodeKind.AIRFIELD, "US", 40.02, -74.59, 6, "APOE"),
                    new N(
                            "KGRK",
                            "Robert Gray AAF",
                            NodeKind.AIRFIELD,
                            "US",
                            31.07,
                            -97.83,
                            5,
                            "APOE"),
                    new N("KSVN", "Hunter AAF", NodeKind.AIRFIELD, "US", 32.01, -81.15, 5, "APOE"),
                    new N(
                            "KHOP",
                            "Campbell AAF",
                            NodeKind.AIRFIELD,
                            "US",
                            36.67,
                            -87.50,
                            5,
                            "APOE"),
                    new N(
                            "KCOS",
                            "Colorado Springs",
                            NodeKind.AIRFIELD,
                            "US",
                            38.81,
                            -104.70,
                            4,
                            "APOE"),
                    new N("KBIF", "Biggs AAF", NodeKind.AIRFIELD, "US", 31.85, -106.38, 5, "APOE"),
                    new N(
                            "KFOE",
                            "Forbes Field",
                            NodeKind.AIRFIELD,
                            "US",
                            38.95,
                            -95.66,
                            4,
                            "APOE"),
                    // US seaports of embarkation (UN/LOCODE positions); berths assumed
                    new N("USBPT", "Beaumont", NodeKind.SEAPORT, "US", 30.08, -94.09, 3, "SPOE"),
                    new N(
                            "USCRP",
                            "Corpus Christi",
                            NodeKind.SEAPORT,
                            "US",
                            27.81,
                            -97.40,
                            2,
                            "SPOE"),
                    new N("USSAV", "Savannah", NodeKind.SEAPORT, "US", 32.08, -81.09, 3, "SPOE"),
                    new N(
                            "USCHS",
                            "Charleston (North Charleston terminal)",
                            NodeKind.SEAPORT,
                            "US",
                            32.90,
                            -79.96,
                            3,
                            "SPOE"),
                    new N(
                            "USJAX",
                            "Jacksonville Blount Island",
                            NodeKind.SEAPORT,
                            "US",
                            30.40,
                            -81.53,
                            3,
                            "SPOE"),
                    new N("USMOT", "Sunny Point", NodeKind.SEAPORT, "US", 33.98, -77.95, 2, "SPOE"),
                    new N("USORF", "Norfolk", NodeKind.SEAPORT, "US", 36.95, -76.33, 3, "SPOE"),
                    // en-route air bases; MOG assumed
                    new N("LPLA", "Lajes Field", NodeKind.AIRFIELD, "PT", 38.76, -27.09, 8, "ENR"),
                    new N("BIKF", "Keflavik", NodeKind.AIRFIELD, "IS", 63.99, -22.61, 6, "ENR"),
                    new N("KBGR", "Bangor", NodeKind.AIRFIELD, "US", 44.81, -68.83, 6, "ENR"),
                    new N("LERT", "Rota", NodeKind.AIRFIELD, "ES", 36.65, -6.35, 6, "ENR"),
                    // European airfields used as POEs for moves within Europe; MOG assumed
                    new N("ETAR", "Ramstein AB", NodeKind.AIRFIELD, "DE", 49.44, 7.60, 8, "EAPOE"),
                    new N(
                            "EDDP",
                            "Leipzig/Halle",
                            NodeKind.AIRFIELD,
                            "DE",
                            51.42,
                            12.24,
                            6,
                            "EAPOE"),
                    new N(
                            "EGUN",
                            "RAF Mildenhall",
                            NodeKind.AIRFIELD,
                            "GB",
                            52.36,
                            0.49,
                            6,
                            "EAPOE"),
                    // European aerial ports of debarkation; MOG assumed
                    new N(
                            "EPRZ",
                            "Rzeszow-Jasionka",
                            NodeKind.AIRFIELD,
                            "PL",
                            50.11,
                            22.02,
                            4,
                            "APOD"),
                    new N(
                            "EPPO",
                            "Poznan-Lawica",
                            NodeKind.AIRFIELD,
                            "PL",
                            52.42,
                            16.83,
                            3,
                            "APOD"),
                    new N("EPKK", "Krakow", NodeKind.AIRFIELD, "PL", 50.08, 19.78, 3, "APOD"),
                    new N("LZKZ", "Kosice", NodeKind.AIRFIELD, "SK", 48.66, 21.24, 2, "APOD"),
                    new N(
                            "LROP",
                            "Bucharest Otopeni",
                            NodeKind.AIRFIELD,
                            "RO",
                            44.57,
                            26.09,
                            4,
                            "APOD"),
                    new N(
                            "LRCK",
                            "Mihail Kogalniceanu",
                            NodeKind.AIRFIELD,
                            "RO",
                            44.36,
                            28.49,
                            3,
                            "APOD"),
                    new N("EYVI", "Vilnius", NodeKind.AIRFIELD, "LT", 54.63, 25.29, 3, "APOD"),
                    new N("EVRA", "Riga", NodeKind.AIRFIELD, "LV", 56.92, 23.97, 3, "APOD"),
                    new N("EETN", "Tallinn", NodeKind.AIRFIELD, "EE", 59.41, 24.83, 2, "APOD"),
                    new N("LHKE", "Kecskemet AB", NodeKind.AIRFIELD, "HU", 46.92, 19.75, 2, "APOD"),
                    new N("LBSF", "Sofia", NodeKind.AIRFIELD, "BG", 42.70, 23.41, 3, "APOD"),
                    // European seaports of debarkation (port positions); berths assumed
                    new N("DEBRV", "Bremerhaven", NodeKind.SEAPORT, "DE", 53.56, 8.55, 3, "SPOD"),
                    new N("NLRTM", "Rotterdam", NodeKind.SEAPORT, "NL", 51.95, 4.14, 3, "SPOD"),
                    new N("BEANR", "Antwerp", NodeKind.SEAPORT, "BE", 51.26, 4.40, 3, "SPOD"),
                    new N("NLVLI", "Vlissingen", NodeKind.SEAPORT, "NL", 51.44, 3.58, 2, "SPOD"),
                    new N("PLGDY", "Gdynia", NodeKind.SEAPORT, "PL", 54.53, 18.55, 2, "SPOD"),
                    new N("LTKLJ", "Klaipeda", NodeKind.SEAPORT, "LT", 55.71, 21.12, 2, "SPOD"),
                    new N(
                            "EEMUG",
                            "Muuga (Tallinn)",
                            NodeKind.SEAPORT,
                            "EE",
                            59.50,
                            24.96,
                            2,
                            "SPOD"),
                    new N("ROCND", "Constanta", NodeKind.SEAPORT, "RO", 44.17, 28.65, 2, "SPOD"),
                    new N(
                            "GRAXD",
                            "Alexandroupoli",
                            NodeKind.SEAPORT,
                            "GR",
                            40.84,
                            25.88,
                            2,
                            "SPOD"),
                    // European installations (units stationed in Europe)
                    new N(
                            "VILSECK",
                            "Rose Barracks, Vilseck",
                            NodeKind.INSTALLATION,
                            "DE",
                            49.63,
                            11.80,
                            0,
                            "EU"),
                    new N(
                            "BAUMHOLDER",
                            "Baumholder",
                            NodeKind.INSTALLATION,
                            "DE",
                            49.65,
                            7.33,
                            0,
                            "EU"),
                    new N(
                            "WIESBADEN",
                            "Wiesbaden",
                            NodeKind.INSTALLATION,
                            "DE",
                            50.05,
                            8.33,
                            0,
                            "EU"),
                    // assembly areas
                    new N(
                            "AA-RZESZOW",
                            "Rzeszow assembly area",
                            NodeKind.ASSEMBLY_AREA,
                            "PL",
                            50.04,
                            21.99,
                            0,
                            "AA"),
                    new N(
                            "AA-DRAWSKO",
                            "Drawsko Pomorskie training area",
                            NodeKind.ASSEMBLY_AREA,
                            "PL",
                            53.53,
                            15.80,
                            0,
                            "AA"),
                    new N(
                            "AA-MK",
                            "Mihail Kogalniceanu base",
                            NodeKind.ASSEMBLY_AREA,
                            "RO",
                            44.36,
                            28.46,
                            0,
                            "AA"),
                    new N(
                            "AA-TAPA",
                            "Tapa camp",
                            NodeKind.ASSEMBLY_AREA,
                            "EE",
                            59.26,
                            25.96,
                            0,
                            "AA"),
                    new N(
                            "AA-PABRADE",
                            "Pabrade training area",
                            NodeKind.ASSEMBLY_AREA,
                            "LT",
                            54.98,
                            25.76,
                            0,
                            "AA"),
                    new N(
                            "AA-ADAZI",
                            "Adazi base",
                            NodeKind.ASSEMBLY_AREA,
                            "LV",
                            57.07,
                            24.33,
                            0,
                            "AA"),
                    new N(
                            "AA-GRAF",
                            "Grafenwoehr training area",
                            NodeKind.ASSEMBLY_AREA,
                            "DE",
                            49.70,
                            11.94,
                            0,
                            "AA"),
                    new N(
                            "AA-HAJDU",
                            "Hajduhadhaz",
                            NodeKind.ASSEMBLY_AREA,
                            "HU",
                            47.68,
                            21.67,
                            0,
                            "AA"),
                    // about 31 km west of the range's public position, 42.72 N 26.59 E [S45];
                    // kept here because moving it would change the road hours and most APODs of
                    // the generated lines bound there (Kogalniceanu would rank before Sofia) and
                    // with them the benchmark figures of docs/ (assumption)
                    new N(
                            "AA-NOVOSELO",
                            "Novo Selo training area",
                            NodeKind.ASSEMBLY_AREA,
                            "BG",
                            42.78,
                            26.22,
                            0,
                            "AA"),
                    new N(
                            "AA-ORZYSZ",
                            "Orzysz",
                            NodeKind.ASSEMBLY_AREA,
                            "PL",
                            53.81,
                            21.94,
                            0,
                            "AA"));

    /**
     * US installations and the airfields they fly from (assumption: the one on or next to post).
     */
    private static final Map<String, String> US_PORTS =
            Map.of(
                    "FTBRAGG", "KPOB",
                    "FTHOOD", "KGRK",
                    "FTSTEWART", "KSVN",
                    "FTCAMPBELL", "KHOP",
                    "FTCARSON", "KCOS",
                    "FTBLISS", "KBIF",
                    "FTDRUM", "KWRI",
                    "FTRILEY", "KFOE");

    /** Large strategic airfields that any installation may also fly from (assumption). */
    private static final String[] HUB_APOES = {"KCHS", "KDOV"};

    private record Fleet(String id, double countAtL, String base, int availableFromDay) {}

    private static final List<Fleet> FLEETS =
            List.of(
                    new Fleet("C-17", 222, "KCHS", 0), // [S14] about 222 C-17s
                    new Fleet("C-5M", 52, "KDOV", 0), // [S13] 52 C-5B/C/M
                    new Fleet("C-130J-30", 300, "ETAR", 0), // assumption: US and allied C-130s
                    new Fleet("A400M", 80, "EDDP", 1), // assumption: allied A400M share
                    new Fleet("CRAF-PAX", 200, "KDOV", 1), // assumption: CRAF stage II passenger
                    new Fleet("CRAF-CARGO", 100, "KCHS", 1), // assumption: CRAF stage II cargo
                    new Fleet("LMSR", 19, "USORF", 4), // [S18] 19 LMSRs
                    new Fleet("FSS", 8, "USJAX", 4), // [S19] 8 FSS, 96-120 h activation
                    new Fleet("RORO", 30, "USORF", 5)); // assumption: chartered and RRF RoRo ships

    // (sealift hull counts by scale are in SEALIFT below; the counts here are not used for them)

    /**
     * Sealift hulls by scale (S, M, L, XL); the share {@code Scale.fleet} used for aircraft would
     * leave S two LMSRs for 84,000 ST of vehicles. Assumption: sea cargo is 70 % of the stons at
     * about 16.5 sq ft per ston, so S needs about 1.4 million sq ft of deck, M 5.2 and L 17.3
     * million. A ship makes one voyage within a 30- or 45-day horizon and about two within 60 days,
     * so the hulls below offer about 1.4 (S), 1.2 (M) and, over two voyages, 1.8 (L) times the deck
     * area asked for: enough that most cargo arrives, while berths at a few ports and the split
     * over channels still make ships the binding constraint. L keeps the public LMSR and FSS
     * counts; S and M are the share of the surge fleet a force of that size would be given
     * (assumption). At L the Gulf channels and those to the Baltic are too long for a second voyage
     * within 60 days, so most of the sea cargo has to go on the first: 40 RoRo ships (Ready Reserve
     * Force and chartered ships, assumption) with the LMSRs and FSS offer about 15 million sq ft a
     * voyage, close to what the first sailings are asked to carry. XL, twice a theatre, has twice
     * L's hulls (a coalition's share, assumption).
     */
    private static final Map<String, int[]> SEALIFT =
            Map.of(
                    "LMSR", new int[] {3, 10, 19, 38},
                    "FSS", new int[] {1, 4, 8, 16},
                    "RORO", new int[] {4, 12, 40, 80});

    /**
     * Sea ports of embarkation by scale. Assumption: as in the Desert Shield and DEFENDER-Europe
     * moves, a deployment funnels its vehicles through a few strategic seaports, each unit through
     * the one nearest its installation, so that ships fill with the cargo of one channel. S (an
     * NRF) uses one Gulf and one Atlantic port, M adds Savannah, L a second Gulf port, XL (twice a
     * theatre) every strategic seaport of the table.
     */
    private static final String[][] SEA_POES = {
        {"USBPT", "USCHS"},
        {"USBPT", "USCHS", "USSAV"},
        {"USBPT", "USCRP", "USCHS", "USSAV"},
        {"USBPT", "USCRP", "USCHS", "USSAV", "USJAX", "USMOT", "USORF"}
    };

    /**
     * Sea ports of debarkation by scale (assumption: the North Sea, Baltic and Black Sea gateways
     * used for the eastern flank since 2022). Each line lands at the one nearest its assembly area,
     * or (one line in four) the second nearest, as planners spread load over ports. At L and XL the
     * Baltic gateways Klaipeda and Muuga take the vehicles of the units bound for the Baltic states
     * (assumption: with Gdynia's two berths alone, more than half of a theatre's sea cargo would
     * queue at one port for the whole horizon). XL lands at every seaport of the table.
     */
    private static final String[][] SEA_PODS = {
        {"DEBRV", "PLGDY"},
        {"DEBRV", "PLGDY", "ROCND"},
        {"DEBRV", "BEANR", "PLGDY", "LTKLJ", "EEMUG", "ROCND"},
        {"DEBRV", "NLRTM", "BEANR", "NLVLI", "PLGDY", "LTKLJ", "EEMUG", "ROCND", "GRAXD"}
    };

    /**
     * Assumptions for sea due dates: hulls ready from day 5 (LMSR activation within 72 h [S18], FSS
     * 96-120 h [S19]), four days to load (LMSR "about four days" [S18]), a planning speed of 20 kn
     * (a mix of 24-kn LMSRs [S18], 27-kn FSS and 18-kn RoRo ships as data/lift-types.yaml), three
     * days to discharge and one day of port clearance at the SPOD.
     */
    private static final double SEA_READY_DAY = 5;

    private static final double SEA_LOAD_DAYS = 4;
    private static final double SEA_KNOTS = 20;
    private static final double SEA_DISCHARGE_DAYS = 3;
    private static final double SEA_CLEAR_DAYS = 1;

    /**
     * Share of sea lines that wait for a ship's second voyage where the horizon allows one
     * (assumption).
     */
    private static final double SECOND_VOYAGE_SHARE = 0.4;

    private static LiftType liftType(String id, int count, String base, int avail) {
        Set<CargoClass> air =
                EnumSet.of(
                        CargoClass.PAX, CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE);
        Set<CargoClass> sea =
                EnumSet.of(
                        CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.NAT);
        Set<CargoClass> tac = EnumSet.of(CargoClass.PAX, CargoClass.BULK, CargoClass.OVERSIZE);
        double inf = Double.POSITIVE_INFINITY;
        // figures as data/lift-types.yaml, which cites each of them
        return switch (id) {
            case "C-17" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            air,
                            102,
                            45,
                            0,
                            410,
                            4100,
                            new GroundHours(2.25, 2.25, 2.25));
            case "C-5M" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            air,
                            73,
                            69,
                            0,
                            420,
                            4000,
                            new GroundHours(3.75, 3.75, 3.75));
            case "C-130J-30" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            tac,
                            128,
                            12.5,
                            0,
                            320,
                            1800,
                            new GroundHours(1.75, 1.75, 1.75));
            case "A400M" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            tac,
                            116,
                            22,
                            0,
                            380,
                            3400,
                            new GroundHours(2.25, 2.25, 2.25));
            case "CRAF-PAX" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            EnumSet.of(CargoClass.PAX),
                            300,
                            0,
                            0,
                            470,
                            6000,
                            new GroundHours(2.5, 2.0, 2.0));
            case "CRAF-CARGO" ->
                    new LiftType(
                            id,
                            LiftMode.AIR,
                            count,
                            avail,
                            base,
                            EnumSet.of(CargoClass.BULK),
                            0,
                            80,
                            0,
                            470,
                            4400,
                            new GroundHours(4.0, 4.0, 2.5));
            case "LMSR" ->
                    new LiftType(
                            id,
                            LiftMode.SEA,
                            count,
                            avail,
                            base,
                            sea,
                            0,
                            25000,
                            300000,
                            24,
                            inf,
                            new GroundHours(96, 72, 0));
            case "FSS" ->
                    new LiftType(
                            id,
                            LiftMode.SEA,
                            count,
                            avail,
                            base,
                            sea,
                            0,
                            15000,
                            185000,
                            27,
                            inf,
                            new GroundHours(72, 48, 0));
            // RORO as data/lift-types.yaml (its figures are assumptions, reasoned there)
            default ->
                    new LiftType(
                            id,
                            LiftMode.SEA,
                            count,
                            avail,
                            base,
                            sea,
                            0,
                            15000,
                            200000,
                            18,
                            inf,
                            new GroundHours(72, 48, 0));
        };
    }

    public static Scenario generate(Scale scale, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + scale.ordinal());
        Map<String, N> byId = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (N n : NODES) {
            byId.put(n.id, n);
            boolean air = n.kind == NodeKind.AIRFIELD;
            boolean sea = n.kind == NodeKind.SEAPORT;
            double handling = air ? 3 : sea ? 24 : 0;
            // assumption: XL, twice a theatre on the same airfields, doubles their working MOG
            // (more parking and ground crews), as its fleet and force are doubled too
            int mog = air ? (scale == Scale.XL ? 2 * n.cap : n.cap) : 0;
            nodes.add(
                    new Node(
                            n.id,
                            n.name,
                            n.kind,
                            n.country,
                            n.lat,
                            n.lon,
                            mog,
                            sea ? n.cap : 0,
                            handling));
        }
        List<LiftType> lift = new ArrayList<>();
        String[] seaPoes = SEA_POES[scale.ordinal()];
        String[] seaPods = SEA_PODS[scale.ordinal()];
        for (Fleet f : FLEETS) {
            int[] hulls = SEALIFT.get(f.id);
            int count =
                    hulls != null
                            ? hulls[scale.ordinal()]
                            : Math.max(1, (int) Math.round(f.countAtL * scale.fleet));
            // assumption: the sealift is activated at the deployment's own ports of embarkation
            String base =
                    switch (f.id) {
                        case "LMSR" -> seaPoes[0];
                        case "FSS" -> seaPoes[1];
                        case "RORO" -> seaPoes[seaPoes.length - 1];
                        default -> f.base;
                    };
            lift.add(liftType(f.id, count, base, f.availableFromDay));
        }
        Set<String> roads = new LinkedHashSet<>();
        List<Route> routes = new ArrayList<>();
        Set<String> channels = new LinkedHashSet<>();

        List<String> aas = ids(byId, "AA");
        List<String> usInst = ids(byId, "US");
        List<String> euInst = ids(byId, "EU");
        List<String> apods = ids(byId, "APOD");
        List<String> eapoes = ids(byId, "EAPOE");

        int h = scale.horizonDays;
        int n = scale.lines;
        // mode mix: 55% air, 35% sea, 10% land (assumption: a heavy force moves its vehicles by
        // sea and its people by air, as in the Desert Shield and DEFENDER-Europe moves)
        LineMode[] modes = new LineMode[n];
        int airLines = 0;
        int seaLines = 0;
        int landLines = 0;
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            modes[i] = u < 0.55 ? LineMode.AIR : u < 0.90 ? LineMode.SEA : LineMode.LAND;
            switch (modes[i]) {
                case AIR -> airLines++;
                case SEA -> seaLines++;
                default -> landLines++;
            }
        }
        // cargo split: 25 % of the stons by air, 70 % by sea, 5 % by land. At L and XL 20 % by
        // air and 10 % by land (assumption: the whole Desert Shield and Storm airlift moved
        // 544,000 tons in seven months (GAO/NSIAD-93-40, "Desert Shield/Storm: Air Mobility
        // Command's Achievements and Lessons for the Future", 25 Jan 1993), so 375,000 stons in
        // six weeks would be far beyond any airlift; a theatre-sized force draws more of its
        // units from Europe, by road and rail)
        boolean theatre = scale.ordinal() >= Scale.L.ordinal();
        double airStonsShare = theatre ? 0.2 : 0.25;
        double landStonsShare = theatre ? 0.1 : 0.05;
        double[] paxShare = shares(rnd, n, i -> modes[i] != LineMode.SEA);
        double[] airStons = shares(rnd, n, i -> modes[i] == LineMode.AIR);
        double[] seaStons = shares(rnd, n, i -> modes[i] == LineMode.SEA);
        double[] landStons = shares(rnd, n, i -> modes[i] == LineMode.LAND);
        List<RequirementLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LineMode mode = modes[i];
            String uln = String.format("U%05d", i + 1);
            String dest = aas.get(rnd.nextInt(aas.size()));
            int pax = (int) Math.round(scale.pax * paxShare[i]);
            List<CargoEntry> cargo = new ArrayList<>();
            String origin;
            String poe = null;
            String pod = null;
            int rld;
            int transitDays;
            double seaDue = 0;
            if (mode == LineMode.LAND) {
                origin = euInst.get(rnd.nextInt(euInst.size()));
                double st = landStonsShare * scale.stons * landStons[i];
                // assumption: units moving by road are mostly vehicles (60 % of their stons)
                cargo.add(new CargoEntry(CargoClass.OVERSIZE, round1(st * 0.6), 0));
                cargo.add(new CargoEntry(CargoClass.BULK, round1(st * 0.4), 0));
                double hours = roadHours(byId.get(origin), byId.get(dest));
                road(routes, roads, origin, dest, hours);
                // assumption: a day of slack on the road, and the move ready early enough that
                // its RDD stays within the horizon
                transitDays = (int) Math.ceil(hours / 24) + 1;
                rld = rnd.nextInt(Math.max(1, h - transitDays - 3));
            } else if (mode == LineMode.AIR) {
                // the second or third nearest APOD (the nearest is kept for the forward units);
                // at L and XL any of the three nearest, as a theatre spreads its air flow
                pod = nearest(byId, apods, dest, theatre ? rnd.nextInt(3) : 1 + rnd.nextInt(2));
                // assumption: one air line in five is a unit stationed in Europe, flown from a
                // European airfield
                boolean fromEurope = rnd.nextDouble() < 0.2;
                double st = airStonsShare * scale.stons * airStons[i];
                // assumption: air cargo is half or more pallets (BULK); only aircraft from the US
                // carry OUTSIZE, the C-17 and C-5M [S13][S14]
                if (fromEurope) {
                    origin = euInst.get(rnd.nextInt(euInst.size()));
                    poe = nearest(byId, eapoes, origin, 0);
                    cargo.add(new CargoEntry(CargoClass.BULK, round1(st * 0.6), 0));
                    cargo.add(new CargoEntry(CargoClass.OVERSIZE, round1(st * 0.4), 0));
                } else {
                    origin = usInst.get(rnd.nextInt(usInst.size()));
                    // assumption: three units in four fly from their own airfield
                    poe =
                            rnd.nextDouble() < 0.75
                                    ? US_PORTS.get(origin)
                                    : HUB_APOES[rnd.nextInt(HUB_APOES.length)];
                    cargo.add(new CargoEntry(CargoClass.BULK, round1(st * 0.5), 0));
                    cargo.add(new CargoEntry(CargoClass.OVERSIZE, round1(st * 0.3), 0));
                    cargo.add(new CargoEntry(CargoClass.OUTSIZE, round1(st * 0.2), 0));
                }
                road(routes, roads, origin, poe, roadHours(byId.get(origin), byId.get(poe)));
                road(routes, roads, pod, dest, roadHours(byId.get(pod), byId.get(dest)));
                airRoutes(routes, channels, byId, poe, pod, fromEurope, theatre);
                transitDays = 2;
                // assumption: people and air cargo are called forward over the first half of the
                // horizon, which keeps airfields and aircraft busy (some lines late) while the
                // RDD of two to four days after the ALD stays within reach; at L and XL over the
                // first three quarters, as the APODs' MOG does not grow with the force
                double airShare = scale.ordinal() >= Scale.L.ordinal() ? 0.75 : 0.5;
                rld = rnd.nextInt(Math.max(1, (int) (h * airShare) - transitDays));
            } else {
                origin = usInst.get(rnd.nextInt(usInst.size()));
                // the port nearest the installation; at L and XL two lines in five go to the
                // second nearest (assumption: a theatre's vehicles would queue for weeks at the
                // two berths of the Gulf port nearest the Texas posts)
                poe =
                        nearest(
                                byId,
                                List.of(seaPoes),
                                origin,
                                theatre && rnd.nextDouble() < 0.4 ? 1 : 0);
                // the nearest port, one line in four the second nearest; at L and XL half the
                // nearest, 30 % the second and 20 % the third (assumption: with a theatre's
                // cargo, the ports nearest the Baltic would otherwise take most of it)
                double pu = rnd.nextDouble();
                int podRank = theatre ? (pu < 0.5 ? 0 : pu < 0.8 ? 1 : 2) : (pu < 0.75 ? 0 : 1);
                pod = nearest(byId, List.of(seaPods), dest, podRank);
                double st = 0.70 * scale.stons * seaStons[i];
                // assumption: sea cargo is 40 % NAT (containers and general cargo), 30 %
                // OVERSIZE, 10 % OUTSIZE (tanks and heavy engineer vehicles) and 20 % BULK
                double[] split = {0.4, 0.3, 0.1, 0.2};
                CargoClass[] cls = {
                    CargoClass.NAT, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.BULK
                };
                for (int c = 0; c < cls.length; c++) {
                    double s = round1(st * split[c]);
                    // assumption: 8 to 25 sq ft per short ton; an LMSR's 300,000 sq ft [S18]
                    // holds a brigade task force of about 13,000 ST [A7], some 23 sq ft a ston,
                    // and containers and general cargo stow denser
                    double per = 8 + 17 * rnd.nextDouble();
                    cargo.add(new CargoEntry(cls[c], s, Math.round(s * per)));
                }
                road(routes, roads, origin, poe, roadHours(byId.get(origin), byId.get(poe)));
                road(routes, roads, pod, dest, roadHours(byId.get(pod), byId.get(dest)));
                String key = poe + ">" + pod;
                // assumption: sea distance is 1.3 times the great-circle distance
                double nm = Math.round(1.3 * gc(byId.get(poe), byId.get(pod)));
                if (channels.add("SEA " + key)) {
                    routes.add(
                            new Route(
                                    "sea-" + key,
                                    RouteMode.SEA,
                                    poe,
                                    pod,
                                    List.of(),
                                    List.of(nm),
                                    0));
                }
                double seaDays = nm / SEA_KNOTS / 24;
                double toPort = roadHours(byId.get(origin), byId.get(poe)) / 24;
                double onward = roadHours(byId.get(pod), byId.get(dest)) / 24;
                double afterSailing = SEA_LOAD_DAYS + seaDays + SEA_DISCHARGE_DAYS + SEA_CLEAR_DAYS;
                // a ship back at its port of embarkation for a second voyage
                double second = SEA_READY_DAY + afterSailing - SEA_CLEAR_DAYS + seaDays;
                boolean wantsSecond = rnd.nextDouble() < SECOND_VOYAGE_SHARE;
                // assumption: cargo for a second voyage reaches the port two to six days before
                // the ship is back
                int secondRld = (int) second - 6 + rnd.nextInt(5);
                double secondDue = Math.max(secondRld + 1 + toPort, second) + afterSailing + onward;
                if (wantsSecond && secondDue + 1 <= h - 1) {
                    rld = secondRld;
                    seaDue = secondDue;
                } else {
                    // equipment reaches the port in the first week and goes on the first ships;
                    // at L and XL over the first 18 days (assumption: four or five ports of
                    // embarkation with about 11 berths load some 45 first sailings at 3-4 days
                    // each, which takes about two weeks)
                    rld = rnd.nextInt(scale.ordinal() >= Scale.L.ordinal() ? 18 : 8);
                    seaDue = Math.max(rld + 1 + toPort, SEA_READY_DAY) + afterSailing + onward;
                }
                transitDays = 0;
            }
            // assumptions for the other dates: a line reaches its POE one or two days after it
            // is ready; the earliest arrival allowed is ten days after that by sea (the Atlantic
            // crossing and port times) and a day after by air; the latest arrival two to four days
            // after the earliest; the RDD the later of that and the day the line could arrive, with
            // up to two days to spare (by sea from a day less); priorities 1 to 3 equally often
            int ald = rld + (mode == LineMode.LAND ? 0 : 1 + rnd.nextInt(2));
            int ead =
                    Math.min(
                            h - 1,
                            ald + (mode == LineMode.SEA ? 10 : mode == LineMode.AIR ? 1 : 0));
            int lad = Math.min(h - 1, ead + 2 + rnd.nextInt(3));
            int due =
                    mode == LineMode.SEA
                            ? (int) Math.ceil(seaDue) - 1 + rnd.nextInt(4)
                            : ald + transitDays + rnd.nextInt(3);
            int rdd = Math.min(h - 1, Math.max(lad, due));
            lines.add(
                    new RequirementLine(
                            uln,
                            unitName(rnd, mode, i),
                            "US",
                            pax,
                            cargo,
                            origin,
                            poe,
                            pod,
                            dest,
                            rld,
                            ald,
                            ead,
                            lad,
                            rdd,
                            1 + rnd.nextInt(3),
                            mode));
        }
        Planning planning =
                new Planning(
                        h,
                        Planning.DEFAULT_PAX_WEIGHT_STONS,
                        seed,
                        Planning.DEFAULT_SEARCH_ITERATIONS,
                        null);
        return new Scenario(
                "generated-" + scale.name().toLowerCase(java.util.Locale.ROOT) + "-" + seed,
                nodes,
                lift,
                routes,
                lines,
                planning);
    }

    private static void airRoutes(
            List<Route> routes,
            Set<String> channels,
            Map<String, N> byId,
            String poe,
            String pod,
            boolean fromEurope,
            boolean theatre) {
        String key = poe + ">" + pod;
        if (!channels.add("AIR " + key)) {
            return;
        }
        if (fromEurope) {
            routes.add(new Route("air-" + key, RouteMode.AIR, poe, pod, List.of(), List.of(), 0));
            return;
        }
        // transatlantic: via Lajes, and the northern track via Bangor and Keflavik; at L and XL
        // also the southern track via Rota (assumption: a theatre-sized airlift opens a third
        // en-route base, as the en-route MOG of Lajes, Bangor and Keflavik alone would cap the
        // whole airlift at about 150 sorties a day)
        routes.add(
                new Route(
                        "air-" + key + "-lpla",
                        RouteMode.AIR,
                        poe,
                        pod,
                        List.of("LPLA"),
                        List.of(),
                        0));
        routes.add(
                new Route(
                        "air-" + key + "-north",
                        RouteMode.AIR,
                        poe,
                        pod,
                        List.of("KBGR", "BIKF"),
                        List.of(),
                        0));
        if (theatre) {
            routes.add(
                    new Route(
                            "air-" + key + "-lert",
                            RouteMode.AIR,
                            poe,
                            pod,
                            List.of("LERT"),
                            List.of(),
                            0));
        }
    }

    private interface IntPred {
        boolean test(int i);
    }

    /**
     * Random shares summing to 1 over the indices that pass, 0 elsewhere; assumption: a line is 0.3
     * to 1.7 times the average, as companies and battalions differ in size.
     */
    private static double[] shares(SplittableRandom rnd, int n, IntPred in) {
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (in.test(i)) {
                w[i] = 0.3 + 1.4 * rnd.nextDouble();
                sum += w[i];
            }
        }
        for (int i = 0; i < n; i++) {
            w[i] = sum > 0 ? w[i] / sum : 0;
        }
        return w;
    }

    private static String unitName(SplittableRandom rnd, LineMode mode, int i) {
        String[] kinds = {
            "infantry battalion",
            "armor battalion",
            "field artillery battalion",
            "sustainment company",
            "engineer company",
            "signal company",
            "aviation company",
            "medical company",
            "brigade HQ",
            "military police company"
        };
        return kinds[rnd.nextInt(kinds.length)] + " " + (i + 1) + " (" + mode + ")";
    }

    private static List<String> ids(Map<String, N> byId, String role) {
        List<String> out = new ArrayList<>();
        for (N n : byId.values()) {
            if (n.role.equals(role)) {
                out.add(n.id);
            }
        }
        return out;
    }

    private static String nearest(Map<String, N> byId, List<String> among, String to, int rank) {
        List<String> sorted = new ArrayList<>(among);
        N t = byId.get(to);
        sorted.sort(
                Comparator.comparingDouble((String s) -> gc(byId.get(s), t)).thenComparing(s -> s));
        return sorted.get(Math.min(rank, sorted.size() - 1));
    }

    private static double gc(N a, N b) {
        return Geo.distanceNm(a.lat, a.lon, b.lat, b.lon);
    }

    /**
     * Assumption: road and rail cover 1.3 times the great-circle distance at 30 knots (56 km/h),
     * one speed for both and for any length; faster than the bundled scenario's 45 km/h for road
     * moves up to 400 km, 30 km/h for long convoys [A25] and 25 km/h for trains [A26].
     */
    private static double roadHours(N a, N b) {
        return Math.max(0.5, Math.round(1.3 * gc(a, b) / 30 * 10) / 10.0);
    }

    private static void road(List<Route> routes, Set<String> roads, String a, String b, double h) {
        if (a.equals(b)) {
            return;
        }
        String k = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        if (roads.add(k)) {
            routes.add(new Route(null, RouteMode.ROAD, a, b, List.of(), List.of(), h));
        }
    }

    private static double round1(double x) {
        return Math.round(x * 10) / 10.0;
    }
}
