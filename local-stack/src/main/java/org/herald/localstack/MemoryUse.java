package org.herald.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of a set of processes from /proc. PSS splits shared pages (PostgreSQL's shared buffers,
 * the JDK's shared archive) among the processes that map them, so its sum is what the stack costs
 * the machine; the RSS sum counts shared pages once per process and overstates it.
 */
record MemoryUse(long rssKiB, long pssKiB) {

    static MemoryUse of(List<ProcessHandle> processes) {
        long rss = 0;
        long pss = 0;
        for (ProcessHandle process : processes) {
            rss += field(Path.of("/proc", String.valueOf(process.pid()), "status"), "VmRSS:");
            pss += field(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"), "Pss:");
        }
        return new MemoryUse(rss, pss);
    }

    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that ended meanwhile, or a system without /proc: it counts as nothing
        }
        return 0;
    }
}
