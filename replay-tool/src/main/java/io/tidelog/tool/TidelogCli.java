package io.tidelog.tool;

import io.tidelog.backend.BackendException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The {@code tidelog} command: restore, history, tail, verify, rebuild, compact, info, demo. */
@Command(name = "tidelog", mixinStandardHelpOptions = true, version = "tidelog 0.1.0",
        description = "Point-in-time restore, audit history, change data capture, checks and retention of a Tidelog store.",
        subcommands = {RestoreCommand.class, HistoryCommand.class, TailCommand.class, VerifyCommand.class,
                RebuildCommand.class, CompactCommand.class, InfoCommand.class, DemoCommand.class})
public final class TidelogCli implements Runnable {
    /** Exit code of a failure (bad input, missing store, locked store, failed verify). */
    public static final int FAILED = 1;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error, like any other. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public static void main(String[] args) {
        // library chatter (index rebuilt, no SLF4J provider) is not for a command's user
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        // one write(2) per flushed line: stdout is flushed explicitly, line by line
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        CommandLine cl = commandLine();
        cl.setOut(out);
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) { // an Error escaping the handler below: still one line unless --verbose
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                t.printStackTrace(cl.getErr());
            }
            cl.getErr().println("tidelog: " + message(t));
            cl.getErr().flush();
            code = FAILED;
        }
        out.flush();
        System.exit(code);
    }

    /** A configured command line; tests call {@code setOut}/{@code setErr} on it and {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TidelogCli());
        cl.setExecutionExceptionHandler(TidelogCli::handle);
        return cl;
    }

    private static int handle(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        cmd.getOut().flush();
        if (verbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.println("tidelog " + cmd.getCommandName() + ": " + message(ex));
        err.flush();
        return FAILED;
    }

    static String message(Throwable ex) {
        if (ex instanceof ToolException || ex instanceof BackendException) {
            return ex.getMessage();
        }
        if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
            return ex.getMessage();
        }
        if (ex instanceof java.io.UncheckedIOException u) {
            return sentence(u.getCause());
        }
        if (ex instanceof java.io.IOException io) {
            return sentence(io);
        }
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + " (run with --verbose for details)";
    }

    /** An I/O failure as a sentence: what went wrong with which file, not an exception class name. */
    static String sentence(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException a) {
            return a.getFile() + ": already exists";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be used");
        }
        return "I/O error: " + e.getMessage();
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
