package muster.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.yaml.snakeyaml.LoaderOptions;

/** The Jackson factories muster reads and writes with. */
final class Formats {
    private Formats() {}

    private static final YAMLFactory YAML = buildYaml();
    // NaN and Infinity in a JSON scenario are read as numbers, so the reader names their field
    // (not a finite number) instead of refusing the whole document in the parser's words
    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .enable(
                            com.fasterxml.jackson.core.json.JsonReadFeature
                                    .ALLOW_NON_NUMERIC_NUMBERS)
                    .build();

    private static YAMLFactory buildYaml() {
        LoaderOptions lo = new LoaderOptions();
        // SnakeYAML refuses documents above 3 MB by default; scenarios may be far larger. The
        // alias limits stay at their defaults (no billion-laughs expansion).
        lo.setCodePointLimit(Integer.MAX_VALUE);
        return YAMLFactory.builder()
                .loaderOptions(lo)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
    }

    static YAMLFactory yaml() {
        return YAML;
    }

    static JsonFactory json() {
        return JSON;
    }
}
