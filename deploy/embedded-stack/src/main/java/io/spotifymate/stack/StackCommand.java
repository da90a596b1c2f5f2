package io.spotifymate.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The command line behind {@code ./spotifymate}: {@code up}, {@code down}, {@code status}, {@code logs}, {@code env}.
 * Exit status 0 on success, 1 on a stack failure, 2 on a usage error.
 */
public final class StackCommand {

    private static final String USAGE = """
            usage: stack <command> [--stack dev|test] [options]
              up [--services] [--wipe]   start Kafka, Cassandra and PostgreSQL (and the five services)
              down [--wipe]              stop everything this stack started (and delete its data)
              status                     show what runs
              logs <name>                print the log of a server or service
              env                        print the connection settings the services use
            """;

    private StackCommand() {}

    public static void main(String[] args) {
        try {
            System.exit(run(new ArrayList<>(List.of(args))));
        } catch (StackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            System.err.print(USAGE);
            return 2;
        }
        String command = args.remove(0);
        String stackName = option(args, "--stack").orElse("dev");
        boolean wipe = args.remove("--wipe");
        boolean withServices = args.remove("--services");
        Stack stack = new Stack(StackSettings.named(stackName), message -> System.out.println("[stack] " + message));
        switch (command) {
            case "up" -> {
                if (wipe) {
                    stack.down(true);
                }
                stack.up();
                if (withServices) {
                    stack.startServices();
                }
            }
            case "down" -> stack.down(wipe);
            case "status" -> stack.status().forEach(System.out::println);
            case "logs" -> {
                if (args.isEmpty()) {
                    System.err.println("logs needs a name: kafka, cassandra, postgres or a service");
                    return 2;
                }
                printFile(stack.logFile(args.remove(0)));
            }
            case "env" ->
                new TreeMap<>(stack.settings().serviceEnvironment())
                        .forEach((key, value) -> System.out.println(key + "=" + value));
            default -> {
                System.err.print("unknown command '" + command + "'\n" + USAGE);
                return 2;
            }
        }
        if (!args.isEmpty()) {
            System.err.println("ignored arguments: " + args);
        }
        return 0;
    }

    private static java.util.Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return java.util.Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new StackException(name + " needs a value");
        }
        args.remove(at);
        return java.util.Optional.of(args.remove(at));
    }

    private static void printFile(java.nio.file.Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Files.lines(file).forEach(System.out::println);
            } else {
                System.err.println("no log yet at " + file);
            }
        } catch (IOException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
