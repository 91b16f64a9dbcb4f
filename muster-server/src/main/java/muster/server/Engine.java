package muster.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import muster.engine.plan.Planner;
import muster.model.Fault;
import muster.model.Scenario;

/**
 * The server's one door to the engine and the readers the CLI uses: {@code
 * muster.io.ScenarioReader} and {@code muster.engine.plan.Planners}. The server holds no reading or
 * planning logic of its own.
 */
final class Engine {
    record Read(Scenario scenario, List<Fault> faults) {}

    /** Reads and validates a scenario file's text exactly as the CLI reads the file. */
    Read read(String fileName, String text) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!safe.matches(".*\\.(ya?ml|json|csv)$")) {
            throw ApiException.badRequest(
                    "file name '"
                            + fileName
                            + "': give the file's extension (.yaml, .yml, .json or .csv) so its"
                            + " format is known");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("muster-import");
            Path f = dir.resolve(safe);
            Files.writeString(f, text, StandardCharsets.UTF_8);
            Object result = callStatic("muster.io.ScenarioReader", "read", Path.class, f);
            Scenario s = (Scenario) result.getClass().getMethod("scenario").invoke(result);
            @SuppressWarnings("unchecked")
            List<Fault> faults = (List<Fault>) result.getClass().getMethod("faults").invoke(result);
            return new Read(s, List.copyOf(faults));
        } catch (java.io.IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("reading " + fileName + ": " + e, e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The planner of that name ({@code lns}, {@code fifo}, {@code exact}). */
    Planner planner(String name) {
        try {
            return (Planner)
                    callStatic("muster.engine.plan.Planners", "byName", String.class, name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("planner " + name + ": " + e, e);
        }
    }

    private static Object callStatic(String cls, String method, Class<?> arg, Object value)
            throws ReflectiveOperationException {
        Class<?> c;
        try {
            c = Class.forName(cls);
        } catch (ClassNotFoundException e) {
            throw new ApiException(
                    501, "this build of muster has no " + cls + "; rebuild with the full engine");
        }
        Method m = c.getMethod(method, arg);
        Object target =
                Modifier.isStatic(m.getModifiers())
                        ? null
                        : c.getDeclaredConstructor().newInstance();
        try {
            return m.invoke(target, value);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
