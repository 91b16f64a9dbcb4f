package muster.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in: bcrypt password hashes, bearer tokens that expire (kept only as SHA-256 hashes), and a
 * limit on failed sign-ins per user name and per client address.
 */
final class Auth {
    /** bcrypt cost: 2^10 rounds, about 60 ms here; OWASP's floor for bcrypt is 10. */
    static final int BCRYPT_COST = 10;

    static final int MAX_FAILURES = 5;

    /** Per client address the limit is higher: many users may share one proxy address. */
    static final int MAX_FAILURES_PER_ADDRESS = 50;

    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final Database db;
    private final Audit audit;
    private final Clock clock;
    private final Duration sessionLife;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.EPOCH;

    /** bcrypt verifications run (one per sign-in attempt that is not rate-limited). */
    final java.util.concurrent.atomic.AtomicLong verifications =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * A hash of no one's password, verified when the user name is unknown so that such a sign-in
     * costs as long as a wrong password and the answer time does not tell which names exist.
     */
    private static final String DUMMY_HASH = hash("muster: no such user, no such password");

    Auth(Database db, Audit audit, Clock clock, Duration sessionLife) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.sessionLife = sessionLife;
    }

    record Session(String token, Instant expiresAt, User user) {}

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    /**
     * The first administrator's password from {@code MUSTER_ADMIN_PASSWORD}, held to the rules of
     * every password and named as the operator set it: the environment variable, not a field.
     */
    static void checkAdminPassword(String password) {
        try {
            checkPassword(password);
        } catch (ApiException e) {
            throw new IllegalArgumentException(
                    "MUSTER_ADMIN_PASSWORD: "
                            + e.getMessage().replaceFirst("^field 'password': ", "")
                            + "; set a stronger one, or unset it for a random one");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw ApiException.badRequest(
                    "field 'password': must have at least 12 characters (NIST SP 800-63B allows"
                            + " long passphrases; short ones are refused)");
        }
        if (tooLong(password)) {
            throw ApiException.badRequest(
                    "field 'password': longer than "
                            + MAX_PASSWORD_BYTES
                            + " bytes in UTF-8; bcrypt, which keeps the passwords, reads no more");
        }
    }

    /** What bcrypt reads of a password; a longer one could not be told from its first bytes. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static boolean tooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_PASSWORD_BYTES;
    }

    /** What a user name may be; {@link #createUser} makes no other. */
    static final String USERNAME = "[a-z][a-z0-9._-]{1,31}";

    /**
     * A value echoed in a message, cut short, with each control and invisible format character
     * written as an escape ({@code \\u202E}): a refusal never repeats a whole oversized input, and
     * an echoed bidirectional override or escape sequence cannot reorder or recolour the message
     * around it where it is read (a terminal, the audit log's page).
     */
    static String clip(String v) {
        if (v == null) {
            return null;
        }
        String cut = v.length() <= 40 ? v : v.substring(0, 40);
        StringBuilder b = new StringBuilder(cut.length() + 24);
        for (int i = 0; i < cut.length(); ) {
            int c = cut.codePointAt(i);
            // as a fault shows them; a pair cut in two at the 40th character is escaped too
            if (muster.model.Fault.unprintable(c)) {
                b.append(muster.model.Fault.escape(c));
            } else {
                b.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return v.length() <= 40 ? b.toString() : b + "... (" + v.length() + " characters)";
    }

    /** Signs in; refuses with 401 on a bad name or password, 429 when rate-limited. */
    Session login(String username, String password, String clientAddress) {
        if (!username.matches(USERNAME)) {
            // no user has such a name: refused before it is counted or written to the audit log,
            // which keeps every row for good and must not take inputs of any size from anyone
            throw ApiException.badRequest(
                    "field 'username' = '"
                            + clip(username)
                            + "': not a user name (2 to 32 lower-case letters, digits, '.', '_' or"
                            + " '-', starting with a letter)");
        }
        String userKey = "u:" + username;
        String addrKey = "a:" + clientAddress;
        // each attempt is counted before the password is checked, atomically with the check of
        // the limit, so concurrent attempts cannot slip past it; a success takes its count back
        Instant attempt = clock.instant();
        sweep(attempt);
        boolean admitted = attempt(userKey, MAX_FAILURES, attempt);
        if (admitted && !attempt(addrKey, MAX_FAILURES_PER_ADDRESS, attempt)) {
            forgive(userKey, attempt);
            admitted = false;
        }
        if (!admitted) {
            audit.denied(
                    nationOf(username),
                    "login",
                    "user " + username,
                    "rate limited from " + clientAddress);
            throw new ApiException(
                    429,
                    "too many failed sign-ins for '"
                            + username
                            + "' or from "
                            + clientAddress
                            + "; wait "
                            + FAILURE_WINDOW.toMinutes()
                            + " minutes");
        }
        Optional<Object[]> row =
                Jdbc.tx(
                        db,
                        c ->
                                Jdbc.one(
                                        c,
                                        "select id, password_hash, nation, roles, active from"
                                                + " app_user where username = ?",
                                        rs ->
                                                new Object[] {
                                                    rs.getLong(1),
                                                    rs.getString(2),
                                                    rs.getString(3),
                                                    rs.getString(4),
                                                    rs.getBoolean(5)
                                                },
                                        username));
        verifications.incrementAndGet();
        // a password longer than bcrypt reads was never set (checkPassword), so it is not accepted;
        // the hash is still worked out, so the answer takes as long either way
        boolean usable = password != null && !tooLong(password);
        boolean verified =
                BCrypt.verifyer()
                        .verify(
                                (usable ? password : "").toCharArray(),
                                row.isPresent() ? (String) row.get()[1] : DUMMY_HASH)
                        .verified;
        // a deactivated user is answered as a wrong password is, after the same work, and the
        // attempt is recorded under its nation, whose administrators deactivated it
        boolean deactivated = row.isPresent() && !(Boolean) row.get()[4];
        boolean ok = row.isPresent() && !deactivated && usable && verified;
        if (!ok) {
            // the attempt stays counted against the name and the address
            audit.denied(
                    row.map(r -> (String) r[2]).orElse(null),
                    "login",
                    "user " + username,
                    deactivated ? "the user is deactivated" : "bad user name or password");
            throw new ApiException(401, "user name or password not accepted");
        }
        // only this attempt's count is taken back: failures before it still hold against the name
        forgive(userKey, attempt);
        forgive(addrKey, attempt);
        Object[] r = row.get();
        User u = new User((Long) r[0], username, (String) r[2], Role.parseAll((String) r[3]));
        String token = newToken();
        Instant expires = clock.instant().plus(sessionLife);
        String verifiedHash = (String) r[1];
        boolean opened =
                Jdbc.tx(
                        db,
                        c -> {
                            // the user is still active and its password still the one checked:
                            // a deactivation or a reset that came since the user was read has
                            // ended its sessions, and the one opened here would outlive it. The
                            // row is held until the session is in, so one that comes after sees
                            // the session and ends it too.
                            if (Jdbc.one(
                                            c,
                                            "select 1 from app_user where id = ? and active and"
                                                    + " password_hash = ? for share",
                                            rs -> 1,
                                            u.id(),
                                            verifiedHash)
                                    .isEmpty()) {
                                return false;
                            }
                            Jdbc.update(
                                    c,
                                    "insert into user_session(token_hash, user_id, expires_at)"
                                            + " values (?,?,?)",
                                    sha256(token),
                                    u.id(),
                                    Timestamp.from(expires));
                            Jdbc.update(
                                    c,
                                    "delete from user_session where expires_at < ?",
                                    Timestamp.from(clock.instant()));
                            Audit.record(c, u, "login", "user " + username, "OK", null);
                            return true;
                        });
        if (!opened) {
            audit.denied(
                    (String) r[2],
                    "login",
                    "user " + username,
                    "the user was deactivated or its password reset during the sign-in");
            throw new ApiException(401, "user name or password not accepted");
        }
        return new Session(token, expires, u);
    }

    /** A bearer token of 256 random bits. */
    private String newToken() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * What a change of one's own password did: the session that replaces the caller's, and how many
     * other sessions of the user it ended.
     */
    record Change(Session session, int sessionsEnded) {}

    /**
     * A signed-in user sets its own password, giving the current one. The new one is held to the
     * rules of every password and hashed as every one is. A wrong current password is counted
     * against the user name as a failed sign-in is, so a session left open on a shared workstation
     * cannot be used to guess it past the limit. Every session of the user ends, the caller's too,
     * which is replaced by a new one: a token taken before the change does not outlive it. The
     * audit log of the user's nation records the change, and each refused current password.
     */
    Change changeOwnPassword(User u, String token, String current, String next) {
        if (current == null) {
            throw ApiException.badRequest(
                    "field 'currentPassword': missing; give the password you signed in with");
        }
        try {
            checkPassword(next);
        } catch (ApiException e) {
            throw ApiException.badRequest(
                    e.getMessage().replaceFirst("^field 'password'", "field 'newPassword'"));
        }
        String userKey = "u:" + u.username();
        Instant attempt = clock.instant();
        sweep(attempt);
        if (!attempt(userKey, MAX_FAILURES, attempt)) {
            audit.denied(u, "user.password", "user " + u.username(), "rate limited");
            throw new ApiException(
                    429,
                    "too many failed sign-ins for '"
                            + u.username()
                            + "'; wait "
                            + FAILURE_WINDOW.toMinutes()
                            + " minutes");
        }
        String hash =
                Jdbc.tx(
                                db,
                                c ->
                                        Jdbc.one(
                                                c,
                                                "select password_hash from app_user where id = ?",
                                                rs -> rs.getString(1),
                                                u.id()))
                        .orElse(DUMMY_HASH);
        verifications.incrementAndGet();
        boolean verified =
                !tooLong(current) && BCrypt.verifyer().verify(current.toCharArray(), hash).verified;
        if (!verified) {
            // the attempt stays counted against the name
            audit.denied(
                    u, "user.password", "user " + u.username(), "current password not accepted");
            throw new ApiException(
                    403,
                    "field 'currentPassword': not the current password of '" + u.username() + "'");
        }
        forgive(userKey, attempt);
        if (BCrypt.verifyer().verify(next.toCharArray(), hash).verified) {
            throw ApiException.badRequest(
                    "field 'newPassword': the same as the current password; choose another");
        }
        String newHash = hash(next);
        String newToken = newToken();
        Instant expires = clock.instant().plus(sessionLife);
        return Jdbc.tx(
                db,
                c -> {
                    // the password checked above is still the user's, the user still active and
                    // this session still open: a reset or a deactivation that came between ends
                    // the change as it ended the session
                    int changed =
                            Jdbc.update(
                                    c,
                                    "update app_user set password_hash = ? where id = ? and"
                                            + " password_hash = ? and active",
                                    newHash,
                                    u.id(),
                                    hash);
                    int own =
                            Jdbc.update(
                                    c,
                                    "delete from user_session where token_hash = ? and user_id = ?"
                                            + " and expires_at > ?",
                                    sha256(token == null ? "" : token),
                                    u.id(),
                                    Timestamp.from(clock.instant()));
                    if (changed != 1 || own != 1) {
                        throw new ApiException(401, "sign in first (session missing or expired)");
                    }
                    int others =
                            Jdbc.update(c, "delete from user_session where user_id = ?", u.id());
                    Jdbc.update(
                            c,
                            "insert into user_session(token_hash, user_id, expires_at) values"
                                    + " (?,?,?)",
                            sha256(newToken),
                            u.id(),
                            Timestamp.from(expires));
                    Audit.record(
                            c,
                            u,
                            "user.password",
                            "user " + u.username(),
                            "OK",
                            "changed by the user; "
                                    + others
                                    + (others == 1 ? " other session" : " other sessions")
                                    + " ended, this one renewed");
                    return new Change(new Session(newToken, expires, u), others);
                });
    }

    /** What a deactivation or a reactivation did. */
    record Activation(String username, boolean active, int sessionsEnded) {}

    /**
     * An administrator deactivates ({@code active} false) or reactivates a user of its own nation;
     * any other user name, taken or not, answers 404 alike. A deactivated user cannot sign in and
     * every session of it ends at once, in one transaction with the audit row. The server's first
     * administrator is deactivated by no other administrator, and no nation is left without an
     * active administrator.
     */
    Activation setActive(User by, String username, boolean active) {
        checkUserName(username);
        return Jdbc.tx(
                db,
                c -> {
                    // one change of users at a time: two administrators who deactivate each other
                    // at once cannot leave their nation with none
                    Jdbc.update(c, "lock table app_user in share row exclusive mode");
                    Managed user = managed(c, by, username);
                    long id = user.id();
                    String nation = user.nation();
                    boolean admin = Role.parseAll(user.roles()).contains(Role.ADMIN);
                    boolean was = user.active();
                    String action = active ? "user.activate" : "user.deactivate";
                    if (was == active) {
                        Audit.record(
                                c,
                                by,
                                action,
                                "user " + username,
                                "OK",
                                active ? "already active" : "already deactivated");
                        return new Activation(username, active, 0);
                    }
                    if (!active && id == firstUserId(c) && id != by.id()) {
                        throw new ApiException(
                                403,
                                "user '"
                                        + username
                                        + "' is the server's first administrator, who brings"
                                        + " nations in; no other administrator deactivates it");
                    }
                    if (!active && admin) {
                        long others = otherActiveAdministrators(c, nation, id);
                        if (others == 0) {
                            throw new ApiException(
                                    409,
                                    (id == by.id() ? "you are" : "user '" + username + "' is")
                                            + " the last active administrator of "
                                            + nation
                                            + "; create or reactivate another administrator of "
                                            + nation
                                            + " first");
                        }
                    }
                    Jdbc.update(c, "update app_user set active = ? where id = ?", active, id);
                    int ended =
                            active
                                    ? 0
                                    : Jdbc.update(
                                            c, "delete from user_session where user_id = ?", id);
                    Audit.record(
                            c,
                            by,
                            action,
                            "user " + username,
                            "OK",
                            active
                                    ? "reactivated"
                                    : "deactivated; "
                                            + ended
                                            + (ended == 1 ? " session" : " sessions")
                                            + " ended");
                    return new Activation(username, active, ended);
                });
    }

    /** What a change of a user's roles did: the roles it held before and those it holds now. */
    record RoleChange(String username, Set<Role> before, Set<Role> after) {}

    /**
     * An administrator sets the roles of a user of its own nation; any other user name, taken or
     * not, answers 404 alike. The roles are read from the user's row on every request, so a role
     * taken away is gone from the user's open sessions at once. No nation is left without an active
     * administrator, and the server's first administrator's ADMIN role is taken by no other
     * administrator. One transaction with the audit row, which gives the roles before and after.
     */
    RoleChange setRoles(User by, String username, Set<Role> roles) {
        checkUserName(username);
        if (roles.isEmpty()) {
            throw ApiException.badRequest("field 'roles': give at least one role");
        }
        Set<Role> after = Set.copyOf(roles);
        return Jdbc.tx(
                db,
                c -> {
                    // one change of users at a time: two administrators who take the ADMIN role
                    // from each other at once, or one who deactivates the other, leave one
                    Jdbc.update(c, "lock table app_user in share row exclusive mode");
                    // the caller is still an active administrator: one whose role was taken
                    // while its request was on its way changes no one's roles
                    boolean stillAdmin =
                            Jdbc.one(
                                            c,
                                            "select roles from app_user where id = ? and active",
                                            rs -> Role.parseAll(rs.getString(1)),
                                            by.id())
                                    .map(r -> r.contains(Role.ADMIN))
                                    .orElse(false);
                    if (!stillAdmin) {
                        throw new ApiException(403, "setting a user's roles needs the ADMIN role");
                    }
                    Managed user = managed(c, by, username);
                    long id = user.id();
                    String nation = user.nation();
                    Set<Role> before = Role.parseAll(user.roles());
                    if (before.equals(after)) {
                        Audit.record(
                                c,
                                by,
                                "user.roles",
                                "user " + username,
                                "OK",
                                "roles unchanged: " + roleNames(before));
                        return new RoleChange(username, before, after);
                    }
                    if (before.contains(Role.ADMIN) && !after.contains(Role.ADMIN)) {
                        if (id == firstUserId(c) && id != by.id()) {
                            throw new ApiException(
                                    403,
                                    "user '"
                                            + username
                                            + "' is the server's first administrator, who brings"
                                            + " nations in; no other administrator takes its ADMIN"
                                            + " role");
                        }
                        long others = otherActiveAdministrators(c, nation, id);
                        if (user.active() && others == 0) {
                            throw new ApiException(
                                    409,
                                    (id == by.id() ? "you are" : "user '" + username + "' is")
                                            + " the last active administrator of "
                                            + nation
                                            + "; give the ADMIN role to another active user of "
                                            + nation
                                            + ", or create or reactivate another administrator"
                                            + " of "
                                            + nation
                                            + ", first");
                        }
                    }
                    Jdbc.update(
                            c,
                            "update app_user set roles = ? where id = ?",
                            String.join(",", roleNames(after)),
                            id);
                    Audit.record(
                            c,
                            by,
                            "user.roles",
                            "user " + username,
                            "OK",
                            "roles " + roleNames(before) + " changed to " + roleNames(after));
                    return new RoleChange(username, before, after);
                });
    }

    /** The active administrators of {@code nation} but the user {@code id}. */
    private static long otherActiveAdministrators(java.sql.Connection c, String nation, long id)
            throws java.sql.SQLException {
        return Jdbc.one(
                        c,
                        "select count(*) from app_user where nation = ? and active and id <> ? and"
                                + " (',' || roles || ',') like '%,ADMIN,%'",
                        rs -> rs.getLong(1),
                        nation,
                        id)
                .orElse(0L);
    }

    /** Role names in alphabetical order, as they are stored and listed. */
    static java.util.List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    /** A user as the administrators of its nation manage it: roles as stored. */
    private record Managed(long id, String nation, String roles, boolean active) {}

    /** A name no user can have is answered as one no user has (404). */
    private static void checkUserName(String username) {
        if (username == null || !username.matches(USERNAME)) {
            throw ApiException.notFound("user '" + clip(username) + "'");
        }
    }

    /**
     * The user named, locked until the transaction ends, when {@code by} manages it: a user of its
     * own nation, or any user when {@code by} is null (the operator of the server). Any other name,
     * taken or not, answers 404 alike, so the answer does not tell another nation's user names.
     */
    private static Managed managed(java.sql.Connection c, User by, String username)
            throws java.sql.SQLException {
        Optional<Managed> user =
                Jdbc.one(
                        c,
                        "select id, nation, roles, active from app_user where username = ?"
                                + " for update",
                        rs ->
                                new Managed(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getBoolean(4)),
                        username);
        if (user.isEmpty() || (by != null && !by.nation().equals(user.get().nation()))) {
            throw ApiException.notFound("user '" + username + "'");
        }
        return user.get();
    }

    /** The user of a live token, or empty. */
    Optional<User> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                c,
                                "select u.id, u.username, u.nation, u.roles from user_session s"
                                        + " join app_user u on u.id = s.user_id"
                                        + " where s.token_hash = ? and s.expires_at > ? and"
                                        + " u.active",
                                rs ->
                                        new User(
                                                rs.getLong(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                Role.parseAll(rs.getString(4))),
                                sha256(token),
                                Timestamp.from(clock.instant())));
    }

    void logout(String token, User u) {
        Jdbc.tx(
                db,
                c -> {
                    Jdbc.update(c, "delete from user_session where token_hash = ?", sha256(token));
                    Audit.record(c, u, "logout", "user " + u.username(), "OK", null);
                    return null;
                });
    }

    /**
     * On first start (no users) creates user {@code admin}: password from {@code
     * MUSTER_ADMIN_PASSWORD} if set, else a random one returned here to be printed once.
     *
     * @return the generated password, or empty when none was generated
     */
    Optional<String> bootstrap(String envPassword, String nation) {
        long users =
                Jdbc.tx(
                        db,
                        c ->
                                Jdbc.one(c, "select count(*) from app_user", rs -> rs.getLong(1))
                                        .orElse(0L));
        if (users > 0) {
            return Optional.empty();
        }
        String password;
        boolean generated = envPassword == null || envPassword.isBlank();
        if (generated) {
            password = randomPassword();
        } else {
            password = envPassword;
            checkAdminPassword(password);
        }
        createUser(null, "admin", password, nation, Set.of(Role.ADMIN, Role.OBSERVER));
        return generated ? Optional.of(password) : Optional.empty();
    }

    /** A password of 20 characters from 120 random bits, to be shown once. */
    String randomPassword() {
        byte[] raw = new byte[15];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** What a reset of a password did: whose it was, and how many sessions it ended. */
    record Reset(String username, String nation, int sessionsEnded, boolean active) {}

    /**
     * Sets a user's password (hashed as {@link #createUser} stores it) and ends the user's
     * sessions, in one transaction with its audit row. {@code by} is an administrator, who resets
     * the passwords of its own nation's users only: any other user name, taken or not, answers 404
     * alike. With {@code by} null the reset is the operator's, on the server's command line, and is
     * recorded under the user's nation. The failed sign-ins counted against the name are forgiven.
     */
    Reset resetPassword(User by, String username, String password) {
        checkUserName(username);
        checkPassword(password);
        String hash = hash(password);
        Reset done =
                Jdbc.tx(
                        db,
                        c -> {
                            Managed user = managed(c, by, username);
                            long id = user.id();
                            String nation = user.nation();
                            Jdbc.update(
                                    c,
                                    "update app_user set password_hash = ? where id = ?",
                                    hash,
                                    id);
                            int ended =
                                    Jdbc.update(
                                            c, "delete from user_session where user_id = ?", id);
                            String detail =
                                    ended + (ended == 1 ? " session" : " sessions") + " ended";
                            if (by == null) {
                                Audit.record(
                                        c,
                                        nation,
                                        "user.password",
                                        "user " + username,
                                        "OK",
                                        "reset on the server's command line; " + detail);
                            } else {
                                Audit.record(
                                        c, by, "user.password", "user " + username, "OK", detail);
                            }
                            return new Reset(username, nation, ended, user.active());
                        });
        failures.remove("u:" + username);
        return done;
    }

    User createUser(User by, String username, String password, String nation, Set<Role> roles) {
        if (username == null || !username.matches(USERNAME)) {
            throw ApiException.badRequest(
                    "field 'username' = '"
                            + clip(username)
                            + "': use 2 to 32 lower-case letters, digits, '.', '_' or '-',"
                            + " starting with a letter");
        }
        checkPassword(password);
        String n = Nations.normalize(nation);
        if (roles.isEmpty()) {
            throw ApiException.badRequest("field 'roles': give at least one role");
        }
        String hash = hash(password);
        return Jdbc.tx(
                db,
                c -> {
                    if (by != null && !n.equals(by.nation())) {
                        // an administrator manages its own nation; another nation is brought in
                        // by the server's first administrator alone, who creates its first user,
                        // an administrator, and from then on that nation's administrators add
                        // its users. Any administrator could create the first user of a nation
                        // without users before, and so hold an account of a nation of its
                        // choosing and read what is released to that nation.
                        Jdbc.update(c, "lock table app_user in share row exclusive mode");
                        if (by.id() != firstUserId(c)) {
                            // the same answer whether the nation has users or not: which
                            // nations have users is not another nation's administrator's to learn
                            throw otherNation(
                                    by,
                                    nation,
                                    "; a nation's first administrator is created by the server's"
                                            + " first administrator");
                        }
                        boolean peopled =
                                Jdbc.one(
                                                c,
                                                "select 1 from app_user where nation = ? limit 1",
                                                rs -> 1,
                                                n)
                                        .isPresent();
                        if (peopled || !roles.contains(Role.ADMIN)) {
                            throw otherNation(
                                    by,
                                    nation,
                                    peopled
                                            ? "; users of "
                                                    + n
                                                    + " are created by its administrator"
                                            : ", and the first user of a nation without users, who"
                                                    + " must hold the ADMIN role");
                        }
                    }
                    // the name's unique key decides between two creations of one name at once:
                    // the second waits for the first and is told the name is taken, where a check
                    // before the insert let both through to the key, and the second answered 500
                    long id =
                            Jdbc.one(
                                            c,
                                            "insert into app_user(username, password_hash, nation,"
                                                    + " roles) values (?,?,?,?) on conflict"
                                                    + " (username) do nothing returning id",
                                            rs -> rs.getLong(1),
                                            username,
                                            hash,
                                            n,
                                            String.join(
                                                    ",",
                                                    roles.stream()
                                                            .map(Enum::name)
                                                            .sorted()
                                                            .toList()))
                                    .orElseThrow(
                                            () ->
                                                    new ApiException(
                                                            409,
                                                            "field 'username' = '"
                                                                    + username
                                                                    + "': already taken"));
                    User u = new User(id, username, n, roles);
                    Audit.record(
                            c,
                            by,
                            "user.create",
                            "user " + username,
                            "OK",
                            "nation " + n + ", roles " + roles);
                    return u;
                });
    }

    /**
     * The refusal (403) of a user of {@code nation} that {@code by} may not create, saying which
     * users it creates and then {@code why}.
     */
    private static ApiException otherNation(User by, String nation, String why) {
        return new ApiException(
                403,
                "field 'nation' = '"
                        + nation
                        + "': an administrator of "
                        + by.nation()
                        + " creates users of "
                        + by.nation()
                        + " only"
                        + why);
    }

    /**
     * The id of the server's first administrator: the user its first start created ({@link
     * #bootstrap}), the first user of all, as users are never deleted.
     */
    static long firstUserId(java.sql.Connection c) throws java.sql.SQLException {
        return Jdbc.one(c, "select id from app_user order by made limit 1", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** The nation of a user name, or null when there is no such user. */
    private String nationOf(String username) {
        return Jdbc.tx(
                        db,
                        c ->
                                Jdbc.one(
                                        c,
                                        "select nation from app_user where username = ?",
                                        rs -> rs.getString(1),
                                        username))
                .orElse(null);
    }

    /**
     * Counts an attempt at {@code now} against {@code key} unless {@code max} attempts already
     * failed within the window; atomic per key.
     *
     * @return whether the attempt may go ahead
     */
    private boolean attempt(String key, int max, Instant now) {
        boolean[] admitted = {false};
        failures.compute(
                key,
                (k, d) -> {
                    Deque<Instant> q = d == null ? new ArrayDeque<>() : d;
                    prune(q, now);
                    if (q.size() < max) {
                        q.addLast(now);
                        admitted[0] = true;
                    }
                    return q.isEmpty() ? null : q;
                });
        return admitted[0];
    }

    /** Takes back the count of a successful attempt. */
    private void forgive(String key, Instant at) {
        failures.computeIfPresent(
                key,
                (k, d) -> {
                    d.removeLastOccurrence(at);
                    return d.isEmpty() ? null : d;
                });
    }

    private static void prune(Deque<Instant> d, Instant now) {
        Instant cut = now.minus(FAILURE_WINDOW);
        while (!d.isEmpty() && d.peekFirst().isBefore(cut)) {
            d.pollFirst();
        }
    }

    /** Drops the keys whose failures are all older than the window (at most once a minute). */
    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastSweep = now;
        for (String k : failures.keySet()) {
            failures.computeIfPresent(
                    k,
                    (key, d) -> {
                        prune(d, now);
                        return d.isEmpty() ? null : d;
                    });
        }
    }

    /** Whether failed sign-ins are being counted for {@code key} ("u:name" or "a:address"). */
    boolean tracks(String key) {
        return failures.containsKey(key);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
