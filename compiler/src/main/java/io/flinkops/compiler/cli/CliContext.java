package io.flinkops.compiler.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What the outside world gives a run: streams, working directory, clock and environment variables. */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Path cwd, Clock clock, Map<String, String> env, boolean terminal) {}
