package org.herald.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPUs, memory, CPU model, JDK and OS. */
final class Machine {

    private Machine() {}

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memoryGiB()
                + " GiB RAM, JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").orElse("unknown model");
    }

    private static String memoryGiB() {
        return procLine("/proc/meminfo", "MemTotal")
                .map(value ->
                        String.valueOf(Math.round(Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)))
                .orElse("?");
    }

    private static java.util.Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
