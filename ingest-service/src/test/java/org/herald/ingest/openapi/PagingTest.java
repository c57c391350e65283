package org.herald.ingest.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void shouldDefaultToTheFirstPageOfTwenty() {
        Paging.PageRequest request = Paging.PageRequest.orDefault(null);

        assertThat(request.pageNum()).isEqualTo(1);
        assertThat(request.size()).isEqualTo(20);
        assertThat(request.offset()).isZero();
    }

    @Test
    void shouldCountPagesAndCutAnInMemoryList() {
        Paging.PageRequest third = new Paging.PageRequest(3, 2, null);

        Paging.Page<Integer> page = third.of(List.of(1, 2, 3, 4, 5), value -> value * 10);

        assertThat(page).isEqualTo(new Paging.Page<>(3, 2, 5, 3, List.of(50)));
        assertThat(new Paging.PageRequest(9, 2, null)
                        .of(List.of(1), value -> value)
                        .list())
                .isEmpty();
    }

    @Test
    void shouldRefuseAPageSizeOverFiftyOrAPageBelowOne() {
        assertThatThrownBy(() -> new Paging.PageRequest(1, 51, null).size())
                .isInstanceOf(PushplusException.class)
                .hasMessage("pageSize必须在1到50之间");
        assertThatThrownBy(() -> new Paging.PageRequest(0, 10, null).pageNum())
                .isInstanceOf(PushplusException.class)
                .hasMessage("current必须大于0");
    }
}
