package muster.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An offline basemap: country outlines read from the classpath (the world outline shipped in
 * graphhopper-core), cut to a view and drawn as SVG paths in an equirectangular projection scaled
 * for the view's middle latitude.
 *
 * <p>The view may straddle the date line: longitudes are unwrapped around the view's centre, each
 * outline ring is made continuous (no jump of more than 180°) and then clipped to the view, once
 * for each copy of the world (shifted by -360°, 0, +360°) that meets it. Rings around a pole
 * (Antarctica), which no continuous unwrapping closes, are left out.
 */
final class WorldMap {
    static final String RESOURCE = "com/graphhopper/countries/countries.geojson";

    /** Rings of the outline, each {lon0, lat0, lon1, lat1, ...}, continuous in longitude. */
    private static volatile List<double[]> rings;

    /** The part of the world a map shows, in unwrapped degrees, and its size in pixels. */
    record View(
            double lonMin,
            double lonMax,
            double latMin,
            double latMax,
            double width,
            double height) {
        double x(double lon) {
            return (unwrap(lon) - lonMin) / (lonMax - lonMin) * width;
        }

        double y(double lat) {
            return (latMax - lat) / (latMax - latMin) * height;
        }

        /** A longitude moved by whole turns into {@code [centre-180, centre+180)}. */
        double unwrap(double lon) {
            double c = (lonMin + lonMax) / 2;
            double l = lon;
            while (l < c - 180) {
                l += 360;
            }
            while (l >= c + 180) {
                l -= 360;
            }
            return l;
        }

        /**
         * The smallest view that shows every point with a margin, its width fixed and its height
         * following the projection (clamped to a sensible band).
         */
        static View around(double[] lons, double[] lats, double width) {
            if (lons.length == 0) {
                return new View(-180, 180, -60, 80, width, width * 0.45);
            }
            // The view is the circle of longitudes less its largest empty arc.
            double[] s = lons.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] = ((s[i] % 360) + 540) % 360 - 180;
            }
            Arrays.sort(s);
            double bestGap = -1;
            int after = 0;
            for (int i = 0; i < s.length; i++) {
                double next = i + 1 < s.length ? s[i + 1] : s[0] + 360;
                double gap = next - s[i];
                if (gap > bestGap) {
                    bestGap = gap;
                    after = i;
                }
            }
            double west = after + 1 < s.length ? s[after + 1] : s[0];
            double span = 360 - bestGap;
            double east = west + span;
            double latLo = Arrays.stream(lats).min().orElse(0);
            double latHi = Arrays.stream(lats).max().orElse(0);
            double padLon = Math.max(6, span * 0.08);
            double padLat = Math.max(5, (latHi - latLo) * 0.12);
            double lonMin = west - padLon;
            double lonMax = east + padLon;
            if (lonMax - lonMin > 360) {
                double mid = (lonMin + lonMax) / 2;
                lonMin = mid - 180;
                lonMax = mid + 180;
            }
            double latMin = Math.max(-85, latLo - padLat);
            double latMax = Math.min(85, latHi + padLat);
            double midLat = Math.toRadians((latMin + latMax) / 2);
            double aspect =
                    (latMax - latMin) / ((lonMax - lonMin) * Math.max(0.2, Math.cos(midLat)));
            double height = width * aspect;
            double minH = width * 0.35;
            double maxH = width * 0.75;
            if (height < minH) {
                // Too flat: show more latitude rather than stretch.
                double extra =
                        (minH / width * (lonMax - lonMin) * Math.max(0.2, Math.cos(midLat))
                                        - (latMax - latMin))
                                / 2;
                latMin = Math.max(-85, latMin - extra);
                latMax = Math.min(85, latMax + extra);
                height = minH;
            } else if (height > maxH) {
                double extra =
                        ((latMax - latMin) / (maxH / width) / Math.max(0.2, Math.cos(midLat))
                                        - (lonMax - lonMin))
                                / 2;
                lonMin -= extra;
                lonMax += extra;
                height = maxH;
            }
            return new View(lonMin, lonMax, latMin, latMax, width, height);
        }
    }

    private WorldMap() {}

    /** The outline rings; read once from the classpath. */
    static List<double[]> rings() {
        List<double[]> r = rings;
        if (r == null) {
            synchronized (WorldMap.class) {
                r = rings;
                if (r == null) {
                    r = read();
                    rings = r;
                }
            }
        }
        return r;
    }

    private static List<double[]> read() {
        InputStream in = WorldMap.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(
                    "world outline "
                            + RESOURCE
                            + " is not on the classpath (it comes with graphhopper-core)");
        }
        try (in) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<double[]> out = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                JsonNode g = f.path("geometry");
                String type = g.path("type").asText();
                if (type.equals("Polygon")) {
                    addPolygon(g.path("coordinates"), out);
                } else if (type.equals("MultiPolygon")) {
                    for (JsonNode poly : g.path("coordinates")) {
                        addPolygon(poly, out);
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world outline " + RESOURCE, e);
        }
    }

    private static void addPolygon(JsonNode poly, List<double[]> out) {
        for (JsonNode ring : poly) {
            int n = ring.size();
            if (n < 4) {
                continue;
            }
            double[] xy = new double[2 * n];
            double prev = 0;
            for (int i = 0; i < n; i++) {
                double lon = ring.get(i).get(0).asDouble();
                double lat = ring.get(i).get(1).asDouble();
                if (i > 0) {
                    while (lon - prev > 180) {
                        lon -= 360;
                    }
                    while (lon - prev < -180) {
                        lon += 360;
                    }
                }
                xy[2 * i] = lon;
                xy[2 * i + 1] = lat;
                prev = lon;
            }
            // A ring that does not close after unwrapping goes round a pole.
            if (Math.abs(xy[0] - xy[2 * n - 2]) > 1e-6) {
                continue;
            }
            out.add(xy);
        }
    }

    /** SVG path data of the land inside the view. */
    static String landPath(View v) {
        StringBuilder b = new StringBuilder(64 * 1024);
        for (double[] ring : rings()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ring.length; i += 2) {
                lo = Math.min(lo, ring[i]);
                hi = Math.max(hi, ring[i]);
            }
            for (int k = -1; k <= 1; k++) {
                double shift = 360.0 * k;
                if (hi + shift < v.lonMin() || lo + shift > v.lonMax()) {
                    continue;
                }
                double[] clipped = clip(ring, shift, v);
                appendRing(b, clipped, v);
            }
        }
        return b.toString();
    }

    /** Sutherland–Hodgman against the view's rectangle, in degrees; returns lon/lat pairs. */
    static double[] clip(double[] ring, double shift, View v) {
        double[] pts = new double[ring.length];
        for (int i = 0; i < ring.length; i += 2) {
            pts[i] = ring[i] + shift;
            pts[i + 1] = ring[i + 1];
        }
        int n = pts.length / 2;
        pts = clipEdge(pts, n, 0, v.lonMin(), true);
        pts = clipEdge(pts, pts.length / 2, 0, v.lonMax(), false);
        pts = clipEdge(pts, pts.length / 2, 1, v.latMin(), true);
        pts = clipEdge(pts, pts.length / 2, 1, v.latMax(), false);
        return pts;
    }

    /** Keeps the side of {@code coord[axis] >= edge} (or {@code <=} when not {@code lower}). */
    private static double[] clipEdge(double[] p, int n, int axis, double edge, boolean lower) {
        if (n == 0) {
            return p;
        }
        double[] out = new double[Math.max(4, 4 * n)];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double ai = p[2 * i + axis];
            double aj = p[2 * j + axis];
            boolean inI = lower ? ai >= edge : ai <= edge;
            boolean inJ = lower ? aj >= edge : aj <= edge;
            if (inI) {
                out[m++] = p[2 * i];
                out[m++] = p[2 * i + 1];
            }
            if (inI != inJ) {
                double t = (edge - ai) / (aj - ai);
                out[m++] = p[2 * i] + t * (p[2 * j] - p[2 * i]);
                out[m++] = p[2 * i + 1] + t * (p[2 * j + 1] - p[2 * i + 1]);
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static void appendRing(StringBuilder b, double[] pts, View v) {
        int n = pts.length / 2;
        if (n < 3) {
            return;
        }
        double w = v.width() / (v.lonMax() - v.lonMin());
        double h = v.height() / (v.latMax() - v.latMin());
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int kept = 0;
        int start = b.length();
        for (int i = 0; i < n; i++) {
            double x = (pts[2 * i] - v.lonMin()) * w;
            double y = (v.latMax() - pts[2 * i + 1]) * h;
            // Points closer than about a pixel add bytes, not detail.
            if (kept > 0 && Math.abs(x - lastX) < 0.8 && Math.abs(y - lastY) < 0.8) {
                continue;
            }
            b.append(kept == 0 ? 'M' : 'L').append(Html.px(x)).append(',').append(Html.px(y));
            lastX = x;
            lastY = y;
            kept++;
        }
        if (kept < 3) {
            b.setLength(start);
            return;
        }
        b.append('Z');
    }
}
