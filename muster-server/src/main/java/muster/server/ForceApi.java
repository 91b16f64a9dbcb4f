package muster.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import muster.engine.sourcing.Alternative;
import muster.engine.sourcing.Choice;
import muster.engine.sourcing.Rejection;
import muster.engine.sourcing.Sourcer;
import muster.engine.sourcing.SourcingResult;
import muster.engine.sourcing.Unfilled;
import muster.io.NumberText;
import muster.io.force.CatalogueReader;
import muster.io.force.ForceRead;
import muster.io.force.RequirementsReader;
import muster.io.force.SourcingText;
import muster.model.Fault;
import muster.model.Scenario;
import muster.model.force.Catalogue;
import muster.model.force.RequirementSet;

/**
 * Force catalogues as stored records and sourcing over them. A catalogue is imported through the
 * same reader the command line uses, read by those its marking releases it to, and retired by its
 * owner nation's planners: superseded by a newer version or withdrawn, never edited or deleted.
 */
final class ForceApi {
    private final Api api;
    private final Store store;
    private final ForceStore force;
    private final Audit audit;

    ForceApi(Api api, Store store, ForceStore force, Audit audit) {
        this.api = api;
        this.store = store;
        this.force = force;
        this.audit = audit;
    }

    long catalogueCount() {
        return force.catalogueCount();
    }

    void routes(RoutesConfig r) {
        r.get("/api/catalogues", this::listCatalogues);
        r.post("/api/catalogues", this::importCatalogue);
        r.get("/api/catalogues/{id}", this::getCatalogue);
        r.get("/api/catalogues/{id}/export", this::exportCatalogue);
        r.delete("/api/catalogues/{id}", this::withdrawCatalogue);
        r.post("/api/scenarios/{id}/source", this::source);
        r.get("/api/sourcing/runs", this::listRuns);
        r.get("/api/sourcing/runs/{id}", this::getRun);
    }

    // ---- reading force files given as text, with the readers of muster-io

    interface Reader<T> {
        ForceRead<T> read(Path p) throws IOException;
    }

    /** Reads {@code text} as the file {@code file} (a checked name, see {@link Api#safeName}). */
    static <T> ForceRead<T> read(String file, String text, Reader<T> reader) {
        try {
            Path dir = Files.createTempDirectory("muster-force");
            Path p = dir.resolve(file);
            try {
                Files.writeString(p, text == null ? "" : text);
                return reader.read(p);
            } finally {
                Files.deleteIfExists(p);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The faults of a read, placed in the file, as JSON with the file name. */
    static List<Map<String, Object>> faults(String file, ForceRead<?> r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Fault f : r.faults()) {
            out.add(faultJson(file, r.locate(f)));
        }
        return out;
    }

    static Map<String, Object> faultJson(String file, Fault f) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(f, LinkedHashMap.class);
        m.put("file", file);
        m.put("text", f.describe(file));
        return m;
    }

    // ---- catalogues

    /**
     * The nation (alpha-3) of each unit, by UIC, in the current catalogues {@code u} sees, each
     * catalogue read once. Where two catalogues name a unit, the newest says.
     */
    Map<String, String> unitNations(User u) {
        Map<String, String> out = new HashMap<>();
        List<ForceStore.CatalogueRow> rows = force.catalogues();
        for (int i = rows.size() - 1; i >= 0; i--) {
            ForceStore.CatalogueRow c = rows.get(i);
            if (!c.current() || !sees(u, c)) {
                continue;
            }
            for (muster.model.force.Unit unit : force.catalogueModel(c.id()).units()) {
                out.computeIfAbsent(unit.uic(), k -> nationOf(unit));
            }
        }
        return out;
    }

    private static String nationOf(muster.model.force.Unit unit) {
        try {
            return Nations.normalize(unit.nation());
        } catch (IllegalArgumentException e) {
            return String.valueOf(unit.nation()); // no nation the server knows
        }
    }

    private static boolean sees(User u, ForceStore.CatalogueRow c) {
        return u.sees(c.owner(), c.marking());
    }

    private Map<String, Object> catalogueJson(User u, ForceStore.CatalogueRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("owner", c.owner());
        m.put("marking", c.marking());
        m.put("source", c.sourceName());
        m.put("units", c.units());
        m.put("status", c.status());
        m.put("supersedes", visibleId(u, c.supersedes()));
        m.put("supersededBy", visibleId(u, c.supersededBy()));
        m.put("withdrawnAt", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
        m.put("createdBy", c.createdBy());
        m.put("createdAt", c.createdAt().toString());
        return m;
    }

    /** The id of a related catalogue when the reader may see it, so no other id leaks. */
    private Long visibleId(User u, Long id) {
        if (id == null) {
            return null;
        }
        return force.catalogue(id).filter(c -> sees(u, c)).map(c -> c.id()).orElse(null);
    }

    private void listCatalogues(Context ctx) {
        User u = Api.user(ctx);
        boolean all = Api.boolParam(ctx, "all");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ForceStore.CatalogueRow c : force.catalogues()) {
            if (sees(u, c) && (all || c.current())) {
                out.add(catalogueJson(u, c));
            }
        }
        ctx.json(out);
    }

    ForceStore.CatalogueRow visibleCatalogue(Context ctx, long id, String action) {
        ForceStore.CatalogueRow c = force.catalogue(id).orElse(null);
        api.mustSee(ctx, c != null && sees(Api.user(ctx), c), action, "catalogue " + id);
        return c;
    }

    private void getCatalogue(Context ctx) {
        User u = Api.user(ctx);
        ForceStore.CatalogueRow c = visibleCatalogue(ctx, Api.id(ctx), "catalogue.read");
        Catalogue model = force.catalogueModel(c.id());
        Map<String, Object> m = catalogueJson(u, c);
        m.put("stations", model.stations());
        m.put("unitList", model.units());
        ctx.json(m);
    }

    private void exportCatalogue(Context ctx) {
        ForceStore.CatalogueRow c = visibleCatalogue(ctx, Api.id(ctx), "catalogue.export");
        ctx.contentType("text/plain; charset=utf-8").result(force.catalogueText(c.id()));
        api.auditExport(Api.user(ctx), "catalogue.export", "catalogue " + c.id(), "whole");
    }

    private void importCatalogue(Context ctx) {
        User u = Api.user(ctx);
        api.require(
                ctx,
                u.has(Role.PLANNER),
                "catalogue.import",
                "catalogues",
                "importing a force catalogue needs the PLANNER role");
        String file = Api.safeName("file", Api.fileName(ctx));
        String marking = Api.markingOr(ctx.queryParam("marking"), "REL NATO", u.nation());
        Long supersedes = longParam(ctx, "supersedes");
        if (supersedes != null) {
            ForceStore.CatalogueRow old = visibleCatalogue(ctx, supersedes, "catalogue.supersede");
            api.require(
                    ctx,
                    u.nation().equals(old.owner()),
                    "catalogue.supersede",
                    "catalogue " + supersedes,
                    "catalogue "
                            + supersedes
                            + " belongs to "
                            + old.owner()
                            + "; only its planners may supersede it");
        }
        String text = ctx.body();
        ForceRead<Catalogue> read = read(file, text, CatalogueReader::read);
        List<Map<String, Object>> faults = faults(file, read);
        if (read.refused()) {
            throw new ApiException(
                    422,
                    "catalogue "
                            + file
                            + " refused: "
                            + read.faults().stream().filter(Fault::isError).count()
                            + " error(s); nothing was stored",
                    faults);
        }
        Catalogue cat = read.value();
        long id =
                Jdbc.tx(
                        store.db(),
                        c -> {
                            if (supersedes != null) {
                                ForceStore.CatalogueRow old =
                                        force.catalogue(c, supersedes, true).orElseThrow();
                                if (!old.current()) {
                                    throw new ApiException(
                                            409,
                                            "catalogue "
                                                    + supersedes
                                                    + " is already "
                                                    + old.status()
                                                            .toLowerCase(java.util.Locale.ROOT)
                                                    + "; supersede the current version");
                                }
                            }
                            // imports queue here, so each sees the units of those before it
                            Jdbc.update(
                                    c, "lock table force_catalogue in share row exclusive mode");
                            refuseNationChanges(c, u, file, cat, supersedes);
                            long nid =
                                    force.insertCatalogue(
                                            c, u, cat, marking, file, text, supersedes);
                            if (supersedes != null) {
                                Jdbc.update(
                                        c,
                                        "update force_catalogue set superseded_by = ? where id = ?",
                                        nid,
                                        supersedes);
                                Audit.record(
                                        c,
                                        u,
                                        "catalogue.supersede",
                                        "catalogue " + supersedes,
                                        "OK",
                                        "superseded by catalogue " + nid);
                            }
                            Audit.record(
                                    c,
                                    u.id() > 0 ? u : null,
                                    "catalogue.import",
                                    "catalogue " + nid,
                                    "OK",
                                    cat.name()
                                            + " ("
                                            + cat.units().size()
                                            + " units, "
                                            + marking
                                            + ")");
                            return nid;
                        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("faults", faults);
        ctx.status(201).json(out);
    }

    /**
     * Refuses a catalogue that lists a unit under another nation than a current catalogue does
     * (other than the one it supersedes): a unit's nation decides whose planners order it, so a
     * catalogue of one nation naming another nation's UIC as its own would take that unit over. A
     * unit no other current catalogue lists keeps the nation the last catalogue listing it gave it
     * (the one superseded, or else the newest retired one) unless that nation is the importer's:
     * retiring a catalogue that lists other nations' units does not free them for the nation that
     * kept it. The other catalogue's nation is named only to a user who sees that catalogue.
     */
    private void refuseNationChanges(
            java.sql.Connection con, User u, String file, Catalogue cat, Long supersedes)
            throws java.sql.SQLException {
        Map<String, String> nationOf = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        // the nation each unit last had in a catalogue no longer current, newest first, the
        // superseded one before any other
        Map<String, String> lastOf = new HashMap<>();
        Map<String, Boolean> lastSeen = new HashMap<>();
        Map<String, String> lastWhere = new HashMap<>();
        // read on the import's own connection: imports wait for each other's table lock holding
        // a connection each, and one that took a second could wait for one none would give back
        List<ForceStore.CatalogueRow> rows = new ArrayList<>(force.catalogues(con));
        java.util.Collections.reverse(rows);
        rows.sort(
                java.util.Comparator.comparing(
                        (ForceStore.CatalogueRow c) -> supersedes == null || c.id() != supersedes));
        for (ForceStore.CatalogueRow c : rows) {
            boolean other = c.current() && (supersedes == null || c.id() != supersedes);
            for (muster.model.force.Unit unit : force.catalogueModel(con, c.id()).units()) {
                if (other) {
                    nationOf.putIfAbsent(unit.uic(), nationOf(unit));
                    seen.merge(unit.uic(), sees(u, c), Boolean::logicalOr);
                } else if (!lastOf.containsKey(unit.uic())) {
                    lastOf.put(unit.uic(), nationOf(unit));
                    lastSeen.put(unit.uic(), sees(u, c));
                    lastWhere.put(
                            unit.uic(),
                            c.current()
                                    ? "the catalogue this one supersedes"
                                    : "a catalogue now "
                                            + c.status().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        List<muster.model.force.Unit> units = cat.units();
        for (int i = 0; i < units.size(); i++) {
            muster.model.force.Unit unit = units.get(i);
            String uic = unit.uic();
            String given = nationOf(unit);
            String held = nationOf.get(uic);
            String clash = null;
            if (held != null && !held.equals(given)) {
                clash =
                        (Boolean.TRUE.equals(seen.get(uic)) ? held : "another nation")
                                + " in a current catalogue";
            } else if (held == null
                    && lastOf.containsKey(uic)
                    && !lastOf.get(uic).equals(given)
                    && !lastOf.get(uic).equals(u.nation())) {
                boolean named = Boolean.TRUE.equals(lastSeen.get(uic));
                clash =
                        (named ? lastOf.get(uic) : "another nation")
                                + " in "
                                + lastWhere.get(uic)
                                + ", and only "
                                + (named ? lastOf.get(uic) + "'s" : "that nation's")
                                + " planners may list it under another";
            }
            if (clash != null) {
                clashes.add(
                        "units."
                                + i
                                + ".nation = '"
                                + unit.nation()
                                + "': unit "
                                + uic
                                + " is a unit of "
                                + clash);
            }
        }
        if (!clashes.isEmpty()) {
            throw new ApiException(
                    409,
                    "catalogue "
                            + file
                            + " refused: a catalogue may not give a unit another nation ("
                            + String.join("; ", clashes.subList(0, Math.min(5, clashes.size())))
                            + (clashes.size() > 5 ? "; and " + (clashes.size() - 5) + " more" : "")
                            + "); nothing was stored");
        }
    }

    /** Stores a catalogue read from a file of the installation (the bundled one on first start). */
    long importCatalogue(User by, String file, String text, String marking) {
        ForceRead<Catalogue> read = read(file, text, CatalogueReader::read);
        if (read.refused()) {
            throw new IllegalArgumentException(
                    "catalogue "
                            + file
                            + " refused: "
                            + faults(file, read).stream()
                                    .map(f -> (String) f.get("text"))
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse(""));
        }
        return Jdbc.tx(
                store.db(),
                c -> {
                    long id = force.insertCatalogue(c, by, read.value(), marking, file, text, null);
                    Audit.record(
                            c,
                            by.id() > 0 ? by : null,
                            "catalogue.import",
                            "catalogue " + id,
                            "OK",
                            read.value().name() + " (bundled, " + marking + ")");
                    return id;
                });
    }

    private void withdrawCatalogue(Context ctx) {
        User u = Api.user(ctx);
        long id = Api.id(ctx);
        ForceStore.CatalogueRow c = visibleCatalogue(ctx, id, "catalogue.withdraw");
        api.require(
                ctx,
                u.has(Role.PLANNER) && u.nation().equals(c.owner()),
                "catalogue.withdraw",
                "catalogue " + id,
                "withdrawing catalogue " + id + " needs the PLANNER role of " + c.owner());
        ForceStore.CatalogueRow after =
                Jdbc.tx(
                        store.db(),
                        con -> {
                            ForceStore.CatalogueRow row =
                                    force.catalogue(con, id, true).orElseThrow();
                            if (!row.current()) {
                                throw new ApiException(
                                        409,
                                        "catalogue "
                                                + id
                                                + " is already "
                                                + row.status().toLowerCase(java.util.Locale.ROOT));
                            }
                            Jdbc.update(
                                    con,
                                    "update force_catalogue set withdrawn_at = now(), withdrawn_by"
                                            + " = ? where id = ?",
                                    u.id(),
                                    id);
                            Audit.record(
                                    con, u, "catalogue.withdraw", "catalogue " + id, "OK", null);
                            return force.catalogue(con, id, false).orElseThrow();
                        });
        ctx.json(catalogueJson(u, after));
    }

    private static Long longParam(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            if (!NumberText.isWholeNumber(s.trim())) {
                throw new NumberFormatException(s);
            }
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "query parameter '" + name + "' = '" + s + "': not a catalogue id");
        }
    }

    // ---- sourcing: the engine's Sourcer over a catalogue and capability requirements

    /**
     * A sourcing request: requirements as text, and either a stored catalogue ({@code catalogueId})
     * or a catalogue as text.
     */
    record SourceRequest(
            String requirementsFile,
            @RequestBody.Document String requirements,
            Long catalogueId,
            String catalogueFile,
            @RequestBody.Document String catalogue,
            Boolean save,
            String marking) {}

    private void source(Context ctx) {
        User u = Api.user(ctx);
        long sid = Api.id(ctx);
        Store.ScenarioRow row = api.visibleScenario(ctx, sid, "sourcing.run");
        api.require(
                ctx,
                u.has(Role.PLANNER),
                "sourcing.run",
                "scenario " + sid,
                "sourcing needs the PLANNER role");
        SourceRequest req = RequestBody.read(ctx, SourceRequest.class);
        String cf;
        String catText;
        ForceStore.CatalogueRow stored = null;
        if (req.catalogueId() != null) {
            if (req.catalogue() != null && !req.catalogue().isBlank()) {
                throw ApiException.badRequest(
                        "field 'catalogue': give either 'catalogueId' = "
                                + req.catalogueId()
                                + " or the catalogue text, not both");
            }
            stored = visibleCatalogue(ctx, req.catalogueId(), "sourcing.run");
            if (!stored.current()) {
                throw new ApiException(
                        409,
                        "field 'catalogueId' = "
                                + stored.id()
                                + ": catalogue "
                                + stored.id()
                                + " is "
                                + stored.status().toLowerCase(java.util.Locale.ROOT)
                                + "; source with its current version");
            }
            cf = stored.sourceName();
            catText = force.catalogueText(stored.id());
        } else {
            // the requirements first: a request without them lacks its main part, whatever else
            Api.safeName("requirementsFile", req.requirementsFile());
            cf = Api.safeName("catalogueFile", req.catalogueFile());
            catText = req.catalogue();
        }
        String rf = Api.safeName("requirementsFile", req.requirementsFile());
        String marking = runMarking(ctx, req.marking(), row, stored, u);
        ForceRead<RequirementSet> reqs = read(rf, req.requirements(), RequirementsReader::read);
        ForceRead<Catalogue> cat = read(cf, catText, CatalogueReader::read);
        List<String> faults = new ArrayList<>();
        reqs.faults().forEach(f -> faults.add(reqs.locate(f).describe(rf)));
        cat.faults().forEach(f -> faults.add(cat.locate(f).describe(cf)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("faults", faults);
        if (reqs.refused() || cat.refused()) {
            throw new ApiException(
                    422, "requirements or catalogue refused; nothing was sourced", out);
        }
        // sourcing sees the network and the lines of the scenario the user may see
        Scenario net = store.scenarioModel(sid);
        Map<String, Store.LineRow> seen = store.visibleLines(u, sid);
        net =
                new Scenario(
                        net.name(),
                        net.nodes(),
                        net.lift(),
                        net.routes(),
                        net.requirements().stream().filter(l -> seen.containsKey(l.uln())).toList(),
                        net.planning());
        SourcingResult res = new Sourcer().source(reqs.value(), cat.value(), net, false);
        for (Fault f : res.faults()) {
            faults.add(
                    CatalogueReader.owns(f)
                            ? cat.locate(f).describe(cf)
                            : reqs.locate(f).describe(rf));
        }
        out.put("refused", res.refused());
        out.put("scenarioId", sid);
        out.put("catalogueId", req.catalogueId());
        out.put("catalogueFile", cf);
        out.put("requirementsFile", rf);
        out.put("marking", marking);
        out.put("report", SourcingText.render(res, cat.value(), true));
        out.put("choices", res.choices());
        out.put("unfilled", res.unfilled());
        out.put("assignments", assignments(res));
        out.put("unfilledSlots", unfilledSlots(res));
        out.put("lines", res.lines().size());
        out.put("totalCost", res.totalCost());
        boolean save = !res.refused() && Boolean.TRUE.equals(req.save());
        String resultJson = Json.write(out);
        Long catalogueId = req.catalogueId();
        long[] ids =
                Jdbc.tx(
                        store.db(),
                        c -> {
                            Long saved = null;
                            if (save) {
                                saved =
                                        store.insertScenario(
                                                c,
                                                u,
                                                res.scenario(),
                                                marking,
                                                "sourced from " + rf + " and " + cf,
                                                muster.io.ScenarioWriter.yaml(res.scenario()));
                                Audit.record(
                                        c,
                                        u,
                                        "scenario.import",
                                        "scenario " + saved,
                                        "OK",
                                        res.scenario().name()
                                                + " (sourced, "
                                                + res.lines().size()
                                                + " lines, "
                                                + marking
                                                + ")");
                            }
                            long run =
                                    force.insertRun(
                                            c,
                                            u,
                                            new ForceStore.NewRun(
                                                    sid,
                                                    catalogueId,
                                                    cf,
                                                    catalogueId == null ? catText : null,
                                                    rf,
                                                    req.requirements(),
                                                    marking,
                                                    res.refused(),
                                                    res.choices().size(),
                                                    res.unfilled().size(),
                                                    res.totalCost(),
                                                    resultJson,
                                                    saved));
                            Audit.record(
                                    c,
                                    u,
                                    "sourcing.run",
                                    "sourcing run " + run,
                                    "OK",
                                    "scenario "
                                            + sid
                                            + ", "
                                            + (catalogueId == null
                                                    ? cf + " as text"
                                                    : "catalogue " + catalogueId)
                                            + ": "
                                            + res.choices().size()
                                            + " choices, "
                                            + res.unfilled().size()
                                            + " unfilled, "
                                            + marking);
                            return new long[] {run, saved == null ? -1 : saved};
                        });
        out.put("run", ids[0]);
        if (ids[1] >= 0) {
            out.put("scenario", ids[1]);
        }
        ctx.json(out);
    }

    /** Each chosen unit with why: its cost and the next best alternatives. */
    static List<Map<String, Object>> assignments(SourcingResult res) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Choice ch : res.choices()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requirementId", ch.requirementId());
            m.put("slot", ch.slot());
            m.put("uic", ch.uic());
            m.put("why", ch.cost().describe());
            List<String> next = new ArrayList<>();
            for (Alternative a : ch.next()) {
                next.add(
                        a.uic()
                                + ": "
                                + a.cost().describe()
                                + (a.takenBy() == null ? "" : ", taken by " + a.takenBy()));
            }
            m.put("alternatives", next);
            out.add(m);
        }
        return out;
    }

    /** Each slot left empty with every catalogue unit's reason. */
    static List<Map<String, Object>> unfilledSlots(SourcingResult res) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Unfilled un : res.unfilled()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requirementId", un.requirementId());
            m.put("slot", un.slot());
            m.put("cost", un.cost());
            m.put("reasons", un.reasons().stream().map(Rejection::describe).toList());
            out.add(m);
        }
        return out;
    }

    /**
     * The marking of a run (and of the scenario it may save): the one asked for, by default the
     * narrower of the scenario's and the catalogue's (the own nation alone when neither is within
     * the other); refused when some nation could see the run but not its scenario or catalogue.
     */
    private String runMarking(
            Context ctx, String asked, Store.ScenarioRow s, ForceStore.CatalogueRow c, User u) {
        String nation = u.nation();
        java.util.function.Predicate<Marking> ok =
                m ->
                        m.within(nation, Marking.cached(s.marking()), s.owner())
                                && (c == null
                                        || m.within(
                                                nation, Marking.cached(c.marking()), c.owner()));
        if (asked == null || asked.isBlank()) {
            for (String candidate :
                    c == null ? List.of(s.marking()) : List.of(s.marking(), c.marking())) {
                Marking m = Marking.parse(candidate);
                if (!m.only() && ok.test(m)) {
                    return m.toString();
                }
            }
            return nation + " ONLY";
        }
        Marking m = Marking.parse(Api.markingOr(asked, null, nation));
        if (!ok.test(m)) {
            String why =
                    "field 'marking' = '"
                            + asked
                            + "': wider than scenario "
                            + s.id()
                            + " ('"
                            + s.marking()
                            + "' of "
                            + s.owner()
                            + ")"
                            + (c == null
                                    ? ""
                                    : " or catalogue "
                                            + c.id()
                                            + " ('"
                                            + c.marking()
                                            + "' of "
                                            + c.owner()
                                            + ")")
                            + "; a sourcing run may be released only to nations that see its"
                            + " scenario and its catalogue";
            audit.denied(u, "sourcing.run", "scenario " + s.id(), why);
            throw new ApiException(403, why);
        }
        return m.toString();
    }

    // ---- stored sourcing runs

    /** A run is seen by a reader who sees the run, its scenario and its stored catalogue. */
    private boolean sees(User u, ForceStore.RunRow r) {
        if (!u.sees(r.owner(), r.marking())) {
            return false;
        }
        Store.ScenarioRow s = store.scenario(r.scenarioId()).orElse(null);
        if (s == null || !u.sees(s.owner(), s.marking())) {
            return false;
        }
        if (r.catalogueId() == null) {
            return true;
        }
        return force.catalogue(r.catalogueId()).filter(c -> sees(u, c)).isPresent();
    }

    private Map<String, Object> runJson(User u, ForceStore.RunRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("scenario", r.scenarioId());
        m.put("catalogue", r.catalogueId());
        m.put("catalogueFile", r.catalogueName());
        m.put("requirementsFile", r.requirementsName());
        m.put("owner", r.owner());
        m.put("marking", r.marking());
        m.put("refused", r.refused());
        m.put("choices", r.choices());
        m.put("unfilled", r.unfilled());
        m.put("totalCost", r.totalCost());
        Long saved = r.savedScenarioId();
        m.put(
                "savedScenario",
                saved == null
                        ? null
                        : store.scenario(saved)
                                .filter(s -> u.sees(s.owner(), s.marking()))
                                .map(s -> s.id())
                                .orElse(null));
        m.put("createdBy", r.createdBy());
        m.put("createdAt", r.createdAt().toString());
        return m;
    }

    private void listRuns(Context ctx) {
        User u = Api.user(ctx);
        String sc = ctx.queryParam("scenario");
        Long scenario = null;
        if (sc != null && !sc.isBlank()) {
            try {
                if (!NumberText.isWholeNumber(sc.trim())) {
                    throw new NumberFormatException(sc);
                }
                scenario = Long.parseLong(sc.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(
                        "query parameter 'scenario' = '" + sc + "': not a scenario id");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ForceStore.RunRow r : force.runs(scenario)) {
            if (sees(u, r)) {
                out.add(runJson(u, r));
            }
        }
        ctx.json(Api.page(ctx, out));
    }

    private void getRun(Context ctx) {
        User u = Api.user(ctx);
        long id = Api.id(ctx);
        ForceStore.RunRow r = force.run(id).orElse(null);
        api.mustSee(ctx, r != null && sees(u, r), "sourcing.read", "sourcing run " + id);
        Map<String, Object> m = runJson(u, r);
        m.put("result", Json.read(force.runResult(id), Object.class));
        ctx.json(m);
    }
}
