package muster.server;

import java.util.Set;

/** A signed-in user: name, nation (alpha-3) and roles. */
public record User(long id, String username, String nation, Set<Role> roles) {
    public User {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role r) {
        return roles.contains(r);
    }

    /** Whether this user may see a record of {@code owner} with {@code marking}. */
    public boolean sees(String owner, String marking) {
        return Marking.cached(marking).visibleTo(nation, owner);
    }
}
