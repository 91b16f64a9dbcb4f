package muster.model.force;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A force catalogue, {@code format: muster/catalogue@1}: units and the stations they come from. */
public record Catalogue(String name, List<Station> stations, List<Unit> units) {
    public static final String FORMAT = "muster/catalogue@1";

    public Catalogue {
        Objects.requireNonNull(name, "name");
        stations = stations == null ? List.of() : List.copyOf(stations);
        units = List.copyOf(units);
    }

    public Optional<Unit> unit(String uic) {
        return units.stream().filter(u -> u.uic().equals(uic)).findFirst();
    }
}
