package muster.engine.sourcing;

/** A unit that does not fill a slot, and why. */
public record Rejection(String uic, Reason reason, String detail) {
    public String describe() {
        return uic + ": " + reason + " - " + detail;
    }
}
