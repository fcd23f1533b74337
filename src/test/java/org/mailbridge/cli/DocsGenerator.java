package org.mailbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, for {@code asciidoctor -b manpage}) and the bash completion
 * from the picocli model, at build time ({@code mvn package}, see the pom). It uses the very
 * command tree {@code mailbridge} runs, so the pages list each command's exit codes as its
 * {@code --help} does; nothing is written by hand.
 *
 * <p>Usage: {@code DocsGenerator OUTDIR}: writes {@code OUTDIR/man/mailbridge.adoc},
 * {@code OUTDIR/man/mailbridge-<command>.adoc} and {@code OUTDIR/completion/mailbridge}.
 */
public final class DocsGenerator {
    private DocsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        Path man = Files.createDirectories(out.resolve("man"));
        write(man, root);
        for (CommandLine sub : root.getSubcommands().values()) {
            write(man, sub);
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("mailbridge"), AutoComplete.bash("mailbridge", root), StandardCharsets.UTF_8);
    }

    private static void write(Path dir, CommandLine cl) throws IOException {
        String name = cl.getCommandSpec().qualifiedName("-");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve(name + ".adoc"), StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(w, cl.getCommandSpec());
        }
    }
}
