package muster.cli;

/** Exit codes of the muster command line. */
public final class ExitCode {
    private ExitCode() {}

    public static final int OK = 0;

    /** Something went wrong inside muster (a one-line message; the trace with --debug). */
    public static final int INTERNAL = 1;

    /** The command line itself is wrong. */
    public static final int USAGE = 2;

    /** The input was refused; every fault is printed, one per line. */
    public static final int REFUSED = 3;

    /** A plan was checked and breaks movement rules. */
    public static final int VIOLATIONS = 4;
}
