package org.mailbridge.cli;

/** Placeholder replaced below. */
final class Cli {
    static int execute(String[] args) {
        return 0;
    }
}
