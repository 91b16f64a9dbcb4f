package muster.model.force;

/**
 * How a unit normally moves to a theatre, which decides how its TPFDD lines are split.
 *
 * <ul>
 *   <li>{@code AIR}: people and equipment by strategic air (light and airborne units);
 *   <li>{@code AIR_SEA}: people by air, equipment by sea (heavy units from overseas);
 *   <li>{@code LAND}: people and equipment by road or rail within the theatre;
 *   <li>{@code SELF}: the unit moves itself (ships, fighter squadrons) and needs no strategic lift
 *       line.
 * </ul>
 */
public enum DeployMode {
    AIR,
    AIR_SEA,
    LAND,
    SELF
}
