package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.OneLine;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The commands' picocli models, built in code rather than read from annotations. Reading them costs a
 * one-file check some 60 ms at start-up, the largest single step of one: picocli reflects over every
 * field, and the JDK makes a proxy class for each annotation type, which no start-up cache can keep.
 * Built in code the same model costs a few milliseconds, and picocli parses and prints help from it
 * exactly as before.
 */
final class Specs {
    private Specs() {}

    /** A command with the standard -h/--help and -V/--version options, run by calling {@code command}. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(new Version());
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
        return spec;
    }

    /**
     * An option that takes one value of the given type. An empty text is refused as an empty path is
     * ({@link #nonEmptyPath}): `--ref "$REV"` with REV unset would otherwise read as no revision at all,
     * or fail far from its cause.
     */
    static OptionSpec.Builder option(String name, String label, Class<?> type, String description) {
        OptionSpec.Builder option = OptionSpec.builder(name).paramLabel(label).type(type).description(description);
        return type == String.class ? option.converters(Specs::nonEmpty) : option;
    }

    private static String nonEmpty(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("the value is empty (an unset variable?)");
        }
        return value;
    }

    /**
     * Every path on the command line (registered for the Path type): an empty one would name the
     * current folder, so `--out "$OUT"` with OUT unset would write there.
     */
    static Path nonEmptyPath(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("the path is empty (an unset variable?)");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + OneLine.of(value) + "' is not a path here: " + e.getReason());
        }
    }

    /** An option that takes no value: present or not. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).description(description).build();
    }

    /** A repeatable option that collects its values in order. */
    static OptionSpec.Builder repeated(String name, String label, Class<?> element, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(element).description(description);
    }

    /** Positional parameters; required when {@code arity} asks for at least one, and not empty when of text. */
    static PositionalParamSpec.Builder parameter(String label, String arity, Class<?> type, String description) {
        PositionalParamSpec.Builder parameter = PositionalParamSpec.builder().paramLabel(label).arity(arity)
                .required(!arity.startsWith("0")).type(type).description(description);
        return type == String.class ? parameter.converters(Specs::nonEmpty) : parameter;
    }

    /** The parsed value of an option or parameter, or null when it was not given and has no default. */
    @SuppressWarnings("unchecked")
    static <T> T value(ArgSpec arg) {
        return (T) arg.getValue();
    }

    static <T> T value(CommandSpec spec, String option) {
        return value(spec.findOption(option));
    }

    static boolean isSet(CommandSpec spec, String flag) {
        return Boolean.TRUE.equals(spec.findOption(flag).getValue());
    }

    /** The values of a repeatable option or parameter, in order; empty when none was given. */
    static <T> List<T> values(ArgSpec arg) {
        List<T> given = value(arg);
        return given == null ? new ArrayList<>() : new ArrayList<>(given);
    }
}
