package org.herald.benchmarks;

/** Entry point of the benchmark command line. */
public final class BenchmarkMain {

    public static void main(String[] args) {
        System.out.println("benchmarks: no scenario yet");
    }

    private BenchmarkMain() {}
}
