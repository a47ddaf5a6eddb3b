package io.flinkops.compiler.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** A subcommand: its picocli model, built in code ({@link Specs}), and the run it belongs to. */
abstract class Subcommand implements Callable<Integer> {
    final FlinkopsCli parent;
    final CommandSpec spec;

    Subcommand(FlinkopsCli parent, String name, String... description) {
        this.parent = parent;
        this.spec = Specs.command(this, name, description);
    }
}
