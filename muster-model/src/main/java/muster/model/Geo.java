package muster.model;

/** Great-circle distances as the movement model defines them. */
public final class Geo {
    /** Earth radius of the movement model, nautical miles. */
    public static final double EARTH_RADIUS_NM = 3440.065;

    private Geo() {}

    /** Great-circle distance between two points in degrees, nautical miles (haversine). */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2)
                        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    public static double distanceNm(Node a, Node b) {
        return distanceNm(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
