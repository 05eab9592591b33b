package io.tidelog.tool;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.internal.StoreLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {
    static final String DEFAULT_DATA = "./.tidelog-data";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Store directory (default: ${DEFAULT-VALUE}, relative to the working directory).")
    Path data;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    /** The data directory, checked to be an existing Tidelog store. */
    Path store() {
        Path p = data.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new ToolException("no store at " + p + ": the directory does not exist (use --data DIR)");
        }
        try {
            StoreLayout.verify(p);
        } catch (BackendException e) {
            throw new ToolException(e.getMessage(), e);
        }
        return p;
    }
}
