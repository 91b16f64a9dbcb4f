package muster.io.force;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import muster.engine.sourcing.ResponseForces;
import muster.model.Fault;
import muster.model.force.CapabilityRequirement;
import muster.model.force.CapabilityType;
import muster.model.force.Echelon;
import muster.model.force.RequirementSet;
import muster.model.force.ResponseForce;
import muster.model.validate.ScenarioValidator;

/**
 * Reads capability requirements: either a {@code muster/requirements@1} file, or a {@code
 * muster/response-force@1} file with an {@code activation} (a dated decision), which is turned into
 * requirements by {@link ResponseForces#activate}.
 */
public final class RequirementsReader {
    static final Set<String> TOP = Set.of("format", "name", "cDate", "decisionDay", "requirements");
    static final Set<String> REQ =
            Set.of(
                    "id",
                    "capability",
                    "echelon",
                    "quantity",
                    "destination",
                    "airPod",
                    "seaPod",
                    "ead",
                    "lad",
                    "rdd",
                    "priority",
                    "onlyNations",
                    "excludeUnits",
                    "note");
    static final Set<String> FORCE_TOP =
            Set.of("format", "name", "destination", "airPod", "seaPod", "tiers", "activation");
    static final Set<String> TIER =
            Set.of("name", "noticeToMoveHours", "closeDays", "priority", "contributions");

    /**
     * The most units one requirement or contribution may ask for: far above any real force list (a
     * response force's slots ask for one to a few units each), low enough that sourcing stays
     * quick; a file asking for a hundred million ran for minutes without a word.
     */
    public static final int MAX_QUANTITY = 1_000;

    static final Set<String> CONTRIB = Set.of("nation", "capability", "echelon", "quantity");
    static final Set<String> ACTIVATION = Set.of("decision", "cDate");

    private RequirementsReader() {}

    public static ForceRead<RequirementSet> read(Path path) throws IOException {
        LocatedDoc doc;
        try {
            doc = LocatedDoc.read(path);
        } catch (LocatedDoc.Malformed m) {
            return CatalogueReader.malformed(path, m);
        }
        Binder b = new Binder(doc);
        JsonNode root = doc.root;
        if (!root.isObject()) {
            b.error("", "requirements", null, null, "the document must be a mapping", null);
            return new ForceRead<>(null, b.faults, b::locate);
        }
        String format = b.str(root, "", "document", "format", true);
        if (ResponseForce.FORMAT.equals(format)) {
            return force(b, root);
        }
        if (format != null && !RequirementSet.FORMAT.equals(format)) {
            b.error(
                    "",
                    "document",
                    "format",
                    format,
                    "expected " + RequirementSet.FORMAT + " or " + ResponseForce.FORMAT,
                    null);
        }
        b.unknownFields(root, "", "requirements", TOP);
        String name = b.str(root, "", "requirements", "name", true);
        LocalDate cDate = b.date(root, "", "requirements", "cDate", true);
        Integer decision = b.integer(root, "", "requirements", "decisionDay", false, 0, 0);
        List<CapabilityRequirement> out = new ArrayList<>();
        JsonNode rs = b.child(root, "requirements");
        if (rs == null || !rs.isArray() || rs.isEmpty()) {
            b.error("", "requirements", "requirements", null, "must be a non-empty list", null);
        } else {
            for (int i = 0; i < rs.size(); i++) {
                CapabilityRequirement r = requirement(b, rs.get(i), "requirements[" + i + "]");
                if (r != null) {
                    out.add(r);
                }
            }
        }
        if (b.hasErrors() || name == null || cDate == null) {
            return new ForceRead<>(null, b.faults, b::locate);
        }
        return new ForceRead<>(new RequirementSet(name, cDate, decision, out), b.faults, b::locate);
    }

    private static CapabilityRequirement requirement(Binder b, JsonNode n, String p) {
        if (!b.mapping(n, p, "requirement", "id, capability, destination, rdd, ...")) {
            return null;
        }
        String id = b.id(n, p, "requirement", "id", true);
        // without an id the place is named by its path alone, not as "requirement null"
        String where = id == null ? "requirement" : "requirement " + id;
        b.unknownFields(n, p, where, REQ);
        CapabilityType cap = b.enumValue(n, p, where, "capability", true, CapabilityType.class);
        Echelon ech = b.enumValue(n, p, where, "echelon", false, Echelon.class);
        Integer qty = b.integer(n, p, where, "quantity", false, 1, MAX_QUANTITY, 1);
        String dest = b.id(n, p, where, "destination", true);
        String airPod = b.id(n, p, where, "airPod", false);
        String seaPod = b.id(n, p, where, "seaPod", false);
        Integer rdd = b.integer(n, p, where, "rdd", true, 0, 0);
        // the lines sourced for it take its lad, and an ead no earlier than its own: held to the
        // scenario's limit here, so that a fault is named at this file's line
        Integer lad = b.integer(n, p, where, "lad", false, 0, ScenarioValidator.MAX_DAY, rdd);
        Integer ead = b.integer(n, p, where, "ead", false, 0, ScenarioValidator.MAX_DAY, 0);
        if (ead != null && lad != null && ead > lad) {
            b.error(p, where, "ead", ead.toString(), "is later than lad " + lad, null);
            return null;
        }
        Integer prio = b.integer(n, p, where, "priority", false, 1, 1);
        List<String> only = b.strings(n, p, where, "onlyNations");
        for (int k = 0; only != null && k < only.size(); k++) {
            if (!only.get(k).matches("[A-Z]{2}")) {
                // units name their nation so (US, GB); USA would match no unit, without a word
                b.error(
                        p,
                        where,
                        "onlyNations",
                        only.get(k),
                        "must be an ISO 3166 alpha-2 code such as US or GB, as units name their"
                                + " nation",
                        null);
                return null;
            }
        }
        List<String> excl = b.ids(n, p, where, "excludeUnits");
        String note = b.str(n, p, where, "note", false);
        if (id == null || cap == null || dest == null || rdd == null || lad == null) {
            return null;
        }
        return new CapabilityRequirement(
                id, cap, ech, qty, dest, airPod, seaPod, ead, lad, rdd, prio, only, excl, note);
    }

    private static ForceRead<RequirementSet> force(Binder b, JsonNode root) {
        String w = "response force";
        b.unknownFields(root, "", w, FORCE_TOP);
        String name = b.str(root, "", w, "name", true);
        String dest = b.id(root, "", w, "destination", true);
        String airPod = b.id(root, "", w, "airPod", false);
        String seaPod = b.id(root, "", w, "seaPod", false);
        List<ResponseForce.Tier> tiers = new ArrayList<>();
        JsonNode ts = b.child(root, "tiers");
        if (ts == null || !ts.isArray() || ts.isEmpty()) {
            b.error("", w, "tiers", null, "must be a non-empty list", null);
        } else {
            for (int i = 0; i < ts.size(); i++) {
                String p = "tiers[" + i + "]";
                JsonNode t = ts.get(i);
                if (!b.mapping(t, p, "tier", "name, noticeToMoveHours, contributions, ...")) {
                    continue;
                }
                String tn = b.str(t, p, "tier", "name", true);
                String tw = "tier " + tn;
                b.unknownFields(t, p, tw, TIER);
                Integer ntm = b.integer(t, p, tw, "noticeToMoveHours", true, 0, 0);
                Integer close = b.integer(t, p, tw, "closeDays", false, 0, 0);
                Integer prio = b.integer(t, p, tw, "priority", false, 1, i + 1);
                List<ResponseForce.Contribution> cs = new ArrayList<>();
                JsonNode cn = b.child(t, "contributions");
                if (cn == null || !cn.isArray()) {
                    b.error(p, tw, "contributions", null, "must be a list", null);
                } else {
                    for (int j = 0; j < cn.size(); j++) {
                        String cp = p + ".contributions[" + j + "]";
                        JsonNode c = cn.get(j);
                        if (!b.mapping(c, cp, tw, "nation, capability, quantity")) {
                            continue;
                        }
                        b.unknownFields(c, cp, tw, CONTRIB);
                        String nation = b.str(c, cp, tw, "nation", true);
                        if (nation != null && !nation.matches("[A-Z]{2}")) {
                            // it becomes the requirement's only nation: BEL would match no unit,
                            // and the slot would be left empty as if no Belgian unit fitted
                            b.error(
                                    cp,
                                    tw,
                                    "nation",
                                    nation,
                                    "must be an ISO 3166 alpha-2 code such as US or GB, as units"
                                            + " name their nation",
                                    null);
                            nation = null;
                        }
                        CapabilityType cap =
                                b.enumValue(c, cp, tw, "capability", true, CapabilityType.class);
                        Echelon ech = b.enumValue(c, cp, tw, "echelon", false, Echelon.class);
                        Integer q = b.integer(c, cp, tw, "quantity", false, 1, MAX_QUANTITY, 1);
                        if (nation != null && cap != null) {
                            cs.add(new ResponseForce.Contribution(nation, cap, ech, q));
                        }
                    }
                }
                if (tn != null) {
                    tiers.add(new ResponseForce.Tier(tn, ntm, close, prio, cs));
                }
            }
        }
        JsonNode act = b.child(root, "activation");
        LocalDate decision = null;
        LocalDate cDate = null;
        if (act == null) {
            b.error(
                    "",
                    w,
                    "activation",
                    null,
                    "a response force is sourced only when activated: add activation: {decision: DATE, cDate: DATE}",
                    null);
        } else {
            b.unknownFields(act, "activation", w, ACTIVATION);
            decision = b.date(act, "activation", w, "decision", true);
            cDate = b.date(act, "activation", w, "cDate", true);
            if (decision != null && cDate != null && decision.isBefore(cDate)) {
                b.error(
                        "activation",
                        w,
                        "decision",
                        decision.toString(),
                        "is before C-day "
                                + cDate
                                + " ("
                                + ChronoUnit.DAYS.between(decision, cDate)
                                + " days)",
                        null);
            }
        }
        if (b.hasErrors() || name == null || dest == null) {
            return new ForceRead<>(null, b.faults, b::locate);
        }
        ResponseForce f = new ResponseForce(name, dest, airPod, seaPod, tiers);
        RequirementSet set = ResponseForces.activate(f, decision, cDate);
        return new ForceRead<>(set, b.faults, x -> locateActivated(b, tiers, set, x));
    }

    /**
     * Places a fault the engine found in an activated force's requirements in the response-force
     * file: the requirements are derived, so their paths ({@code requirements[0].rdd}) and numbers
     * are in no file. A derived day is put at the activation's decision, with how it was reckoned
     * (decision day + notice + closing days), so the user sees what to change; a POD at the force's
     * field of that name; anything else at the contribution the requirement came from; C-day and
     * the decision day at the activation.
     */
    private static Fault locateActivated(
            Binder b, List<ResponseForce.Tier> tiers, RequirementSet set, Fault f) {
        if (f.line() > 0 || f.path() == null) {
            return f;
        }
        String path = f.path();
        if (path.equals("cDate")) {
            return f.withLine(b.line("activation.cDate"));
        }
        if (path.equals("decisionDay")) {
            return with(
                    f,
                    f.message()
                            + " (the decision day is activation.decision less activation.cDate)",
                    b.line("activation.decision"));
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^requirements\\[(\\d+)]\\.?(.*)$").matcher(path);
        if (!m.matches()) {
            return f.withLine(b.line(path));
        }
        int k = Integer.parseInt(m.group(1));
        String field = m.group(2);
        int n = 0;
        for (int i = 0; i < tiers.size(); i++) {
            ResponseForce.Tier t = tiers.get(i);
            for (int j = 0; j < t.contributions().size(); j++, n++) {
                if (n != k) {
                    continue;
                }
                String contribution = "tiers[" + i + "].contributions[" + j + "]";
                if (field.equals("rdd") || field.equals("lad")) {
                    long noticeDays = (long) Math.ceil(t.noticeToMoveHours() / 24.0);
                    return with(
                            f,
                            f.message()
                                    + "; "
                                    + field
                                    + " is derived, not written in the file: decision day "
                                    + set.decisionDay()
                                    + " (activation.decision) + notice to move "
                                    + t.noticeToMoveHours()
                                    + " h ("
                                    + noticeDays
                                    + " days) + closeDays "
                                    + t.closeDays()
                                    + " of tier '"
                                    + t.name()
                                    + "'",
                            b.line("activation.decision"));
                }
                if (field.equals("destination")
                        || field.equals("airPod")
                        || field.equals("seaPod")) {
                    return f.withLine(b.line(field));
                }
                return f.withLine(b.line(contribution));
            }
        }
        return f;
    }

    private static Fault with(Fault f, String message, int line) {
        return new Fault(
                f.severity(), f.path(), f.where(), f.field(), f.value(), message, f.hint(), line);
    }
}
