package io.tidelog.tool;

import io.tidelog.backend.internal.Rebuild;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rebuild", description = {"Drop the views and rebuild them from the log. The store must not be open by a",
        "writer, whose views these are; 'verify' checks a live store."})
final class RebuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path store = common.store();
        Rebuild.Result r = Rebuild.rebuildStore(store, TerminalProgress.forConsole());
        spec.commandLine().getOut().printf("rebuilt the views of %s from %d log entries (now at sequence %d)%n",
                store, r.entries(), r.appliedSequence());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
