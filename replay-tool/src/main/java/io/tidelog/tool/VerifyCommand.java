package io.tidelog.tool;

import io.tidelog.backend.internal.Verify;
import io.tidelog.projections.Family;
import io.tidelog.projections.ViewDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {
        "Check every log frame's CRC and the sequence continuity, rebuild the views from the log in a",
        "temporary directory and compare them with the store's views family by family.",
        "Exit code 0 only when all agree. Works beside a live writer: it takes no lock, and compares",
        "the views as the writer last flushed them."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--max-differences", defaultValue = "20", paramLabel = "N",
            description = "Differences printed per family (default ${DEFAULT-VALUE}); all are counted.")
    int maxDifferences;

    @Override
    public Integer call() {
        Path store = common.store();
        Verify.Report r = Verify.run(store, maxDifferences, TerminalProgress.forConsole());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("log: %d frames, sequences %d..%d: %s%n", r.log().frames(), r.log().firstSequence(),
                r.log().lastSequence(), r.log().ok() ? "OK" : r.log().problems().size() + " problem(s)");
        for (String p : r.log().problems()) {
            out.println("  log problem: " + p);
        }
        for (String w : r.log().warnings()) {
            out.println("  log warning: " + w);
        }
        if (r.live()) {
            out.println("the store is open by a writer: its views are compared as it last flushed them");
        }
        if (r.viewsProblem() != null) {
            out.println("views: " + r.viewsProblem());
        }
        if (r.diff() != null) {
            if (r.viewsSequence() < r.logLastSequence()) {
                out.printf("views hold sequence %d of %d (%s); compared at %d%n", r.viewsSequence(),
                        r.logLastSequence(), r.live() ? "the writer flushes the rest later"
                                : "the next open replays the rest", r.viewsSequence());
            }
            for (Family f : Family.values()) {
                long d = r.diff().differenceCounts().get(f);
                out.printf("  %-13s %8d keys  %s%n", f.name().toLowerCase(), r.diff().keysCompared().get(f),
                        d == 0 ? "OK" : d + " difference(s)");
            }
            for (ViewDiff.Difference d : r.diff().differences()) {
                out.println("  DIFF " + d);
            }
        }
        out.println(r.ok() ? "verify: OK" : "verify: FAILED");
        out.flush();
        return r.ok() ? 0 : TidelogCli.FAILED;
    }
}
