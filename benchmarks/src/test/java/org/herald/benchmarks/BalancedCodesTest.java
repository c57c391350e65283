package org.herald.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class BalancedCodesTest {

    @Test
    void shouldPutAsManyCodesOnEachPartitionAsTheDefaultPartitionerWould() {
        List<String> codes = Herald.balancedCodes("bench", 12, 3);

        Map<Integer, Long> perPartition =
                codes.stream().collect(Collectors.groupingBy(BalancedCodesTest::partitionOf3, Collectors.counting()));

        assertThat(codes).hasSize(12).doesNotHaveDuplicates();
        assertThat(perPartition).containsOnlyKeys(0, 1, 2).allSatisfy((partition, count) -> assertThat(count)
                .isEqualTo(4));
    }

    @Test
    void shouldSpreadFewerCodesThanPartitionsOverDifferentPartitions() {
        List<String> codes = Herald.balancedCodes("w", 10, 12);

        assertThat(codes.stream().map(code -> partition(code, 12)).distinct()).hasSize(10);
    }

    private static int partitionOf3(String code) {
        return partition(code, 3);
    }

    private static int partition(String code, int partitions) {
        return Utils.toPositive(Utils.murmur2(code.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
