package muster.io;

import static muster.io.Schema.Kind.DOUBLE;
import static muster.io.Schema.Kind.DOUBLE_LIST;
import static muster.io.Schema.Kind.ENUM;
import static muster.io.Schema.Kind.ENUM_LIST;
import static muster.io.Schema.Kind.INT;
import static muster.io.Schema.Kind.LONG;
import static muster.io.Schema.Kind.OBJECT;
import static muster.io.Schema.Kind.OBJECT_LIST;
import static muster.io.Schema.Kind.STRING;
import static muster.io.Schema.Kind.STRING_LIST;

import muster.model.CargoClass;
import muster.model.LiftMode;
import muster.model.LineMode;
import muster.model.NodeKind;
import muster.model.RouteMode;

/**
 * The fields of {@code muster/scenario@1} and {@code muster/lift-factors@1}, as FORMATS gives them.
 */
final class Schemas {
    private Schemas() {}

    static final Schema PLANNING =
            new Schema()
                    .add("horizonDays", INT)
                    .add("paxWeightStons", DOUBLE)
                    .add("seed", LONG)
                    .add("searchIterations", INT)
                    .add("cDate", STRING);

    static final Schema NODE =
            new Schema()
                    .add("id", STRING)
                    .add("name", STRING)
                    .addEnum("kind", ENUM, NodeKind.class)
                    .add("country", STRING)
                    .add("lat", DOUBLE)
                    .add("lon", DOUBLE)
                    .add("mog", INT)
                    .add("berths", INT)
                    .add("handlingHours", DOUBLE);

    static final Schema GROUND_HOURS =
            new Schema().add("onload", DOUBLE).add("offload", DOUBLE).add("enroute", DOUBLE);

    static final Schema LIFT =
            new Schema()
                    .add("id", STRING)
                    .add("factors", STRING)
                    .addEnum("mode", ENUM, LiftMode.class)
                    .add("count", INT)
                    .add("availableFromDay", INT)
                    .add("baseNode", STRING)
                    .addEnum("carries", ENUM_LIST, CargoClass.class)
                    .add("paxCapacity", INT)
                    .add("stonsCapacity", DOUBLE)
                    .add("sqftCapacity", DOUBLE)
                    .add("speedKnots", DOUBLE)
                    .add("rangeNm", DOUBLE)
                    .addObject("groundHours", OBJECT, GROUND_HOURS);

    /** A lift-factors entry: the type's own figures, no fleet size or base. */
    static final Schema FACTOR =
            new Schema()
                    .add("id", STRING)
                    .add("name", STRING)
                    .addEnum("mode", ENUM, LiftMode.class)
                    .addEnum("carries", ENUM_LIST, CargoClass.class)
                    .add("paxCapacity", INT)
                    .add("stonsCapacity", DOUBLE)
                    .add("sqftCapacity", DOUBLE)
                    .add("speedKnots", DOUBLE)
                    .add("rangeNm", DOUBLE)
                    .addObject("groundHours", OBJECT, GROUND_HOURS);

    static final Schema ROUTE =
            new Schema()
                    .add("id", STRING)
                    .addEnum("mode", ENUM, RouteMode.class)
                    .add("from", STRING)
                    .add("to", STRING)
                    .add("via", STRING_LIST)
                    .add("legsNm", DOUBLE_LIST)
                    .add("hours", DOUBLE);

    static final Schema CARGO =
            new Schema()
                    .addEnum("class", ENUM, CargoClass.class)
                    .add("stons", DOUBLE)
                    .add("sqft", DOUBLE);

    static final Schema REQUIREMENT =
            new Schema()
                    .add("uln", STRING)
                    .add("unit", STRING)
                    .add("nation", STRING)
                    .add("pax", INT)
                    .addObject("cargo", OBJECT_LIST, CARGO)
                    .add("origin", STRING)
                    .add("poe", STRING)
                    .add("pod", STRING)
                    .add("destination", STRING)
                    .add("rld", INT)
                    .add("ald", INT)
                    .add("ead", INT)
                    .add("lad", INT)
                    .add("rdd", INT)
                    .add("priority", INT)
                    .addEnum("mode", ENUM, LineMode.class);

    /** Top-level keys; the list sections are read item by item, not through this schema. */
    static final Schema TOP =
            new Schema()
                    .add("format", STRING)
                    .add("name", STRING)
                    .addObject("planning", OBJECT, PLANNING)
                    .addObject("nodes", OBJECT_LIST, NODE)
                    .addObject("lift", OBJECT_LIST, LIFT)
                    .addObject("routes", OBJECT_LIST, ROUTE)
                    .addObject("requirements", OBJECT_LIST, REQUIREMENT);
}
