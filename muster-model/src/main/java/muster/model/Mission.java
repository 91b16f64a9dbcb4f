package muster.model;

import java.util.List;

/** One sortie or voyage of one tail or hull; a mission with no loads is a positioning move. */
public record Mission(String id, String lift, int tail, List<Stop> stops, List<Load> loads) {
    public Mission {
        stops = List.copyOf(stops);
        loads = loads == null ? List.of() : List.copyOf(loads);
    }

    public double begin() {
        return stops.get(0).arrive();
    }

    public double end() {
        return stops.get(stops.size() - 1).depart();
    }
}
