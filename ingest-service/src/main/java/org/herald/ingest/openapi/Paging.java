package org.herald.ingest.openapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.herald.ingest.api.PushplusException;

/** The open API's paging convention: {@code {"current":1,"pageSize":20,"params":{…}}}. */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 50;

    private Paging() {}

    /** A time as the open API's lists show it; null stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : OpenApiController.PUSHPLUS_TIME.format(instant);
    }

    /** A list request's body; every field may be absent. */
    public record PageRequest(Integer current, Integer pageSize, Map<String, Object> params) {

        public static PageRequest orDefault(PageRequest request) {
            return request == null ? new PageRequest(null, null, null) : request;
        }

        public int pageNum() {
            if (current == null) {
                return 1;
            }
            if (current < 1) {
                throw PushplusException.invalid("current必须大于0");
            }
            return current;
        }

        public int size() {
            if (pageSize == null) {
                return DEFAULT_PAGE_SIZE;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw PushplusException.invalid("pageSize必须在1到" + MAX_PAGE_SIZE + "之间");
            }
            return pageSize;
        }

        public int offset() {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, (long) (pageNum() - 1) * size()));
        }

        /** Pages a list that is already whole in memory (configuration lists are short). */
        public <T, R> Page<R> of(List<T> all, Function<T, R> row) {
            int from = Math.min(offset(), all.size());
            int to = Math.min(from + size(), all.size());
            return page(all.subList(from, to).stream().map(row).toList(), all.size());
        }

        /** A parameter of {@code params} as text, or null. */
        public String param(String name) {
            Object value = params == null ? null : params.get(name);
            return value == null ? null : value.toString().trim();
        }

        public <R> Page<R> page(List<R> list, long total) {
            int size = size();
            return new Page<>(pageNum(), size, total, (total + size - 1) / size, list);
        }
    }

    /** The answer: {@code {pageNum, pageSize, total, pages, list}}. */
    public record Page<T>(int pageNum, int pageSize, long total, long pages, List<T> list) {

        /** The same page with each entry turned into what the answer shows. */
        public <R> Page<R> map(Function<T, R> row) {
            return new Page<>(
                    pageNum, pageSize, total, pages, list.stream().map(row).toList());
        }
    }
}
