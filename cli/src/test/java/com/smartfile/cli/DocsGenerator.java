package com.smartfile.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Function;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Run at package time (cli/pom.xml, exec-maven-plugin) to write what the distribution ships
 * beside the launcher: the bash/zsh completion script (picocli's {@link AutoComplete}) and the
 * man pages in AsciiDoc (picocli's {@link ManPageGenerator}), both from the same command model
 * the CLI runs, so they cannot drift from it.
 */
public final class DocsGenerator {

    private DocsGenerator() {
    }

    /**
     * Writes {@code completion/smartfile.bash} and {@code man/*.adoc} under a folder.
     *
     * @param args the output folder
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args[0]);
        SmartFileCommand.Console quiet = new SmartFileCommand.Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]), Function.identity(),
                new SmartFileCommand.Console.Terminals(false, false, name -> null, null));
        CommandLine cli = Main.commandLine(new SmartFileCommand(quiet));

        Path completion = Files.createDirectories(out.resolve("completion"));
        // picocli's script works in bash, and in zsh through bashcompinit (the script sets that up itself).
        Files.writeString(completion.resolve("smartfile.bash"), AutoComplete.bash("smartfile", cli));

        Path man = Files.createDirectories(out.resolve("man"));
        write(man.resolve("smartfile.adoc"), cli.getCommandSpec());
        for (CommandLine sub : cli.getSubcommands().values()) {
            write(man.resolve("smartfile-" + sub.getCommandName() + ".adoc"), sub.getCommandSpec());
        }
    }

    private static void write(Path file, CommandLine.Model.CommandSpec spec) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(w, spec);
        }
    }
}
