package muster.server;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a user may do. Roles never widen what a user may see: that is the nation's marking. */
public enum Role {
    /** Imports scenarios, runs plans, drafts orders for units of the own nation. */
    PLANNER,
    /** Approves and issues orders of the own nation drafted by someone else. */
    APPROVER,
    /** Changes the releasability of the own nation's records. */
    LIAISON,
    /** Reads only. */
    OBSERVER,
    /** Manages users; reads the audit log of the own nation. */
    ADMIN;

    public static Set<Role> parseAll(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String p : csv.split(",")) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "role '"
                                + t
                                + "' unknown; roles are PLANNER, APPROVER, LIAISON, OBSERVER,"
                                + " ADMIN");
            }
        }
        return roles;
    }
}
