package org.herald.ingest.audience;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.herald.ingest.api.PushplusException;

/** The open API's paging convention (pushplus-api.md §9) and its time format. */
public final class Paging {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 50;

    /** pushplus shows times in China time without a zone. */
    private static final DateTimeFormatter PUSHPLUS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private Paging() {}

    public static String time(Instant instant) {
        return instant == null ? null : PUSHPLUS_TIME.format(instant);
    }

    /**
     * A list request: {@code {"current":1,"pageSize":20,"params":{…}}}, every field optional; refused
     * out of range as the open API's other lists refuse it.
     */
    public record Request(Integer current, Integer pageSize, Map<String, Object> params) {

        public int page() {
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

        public long offset() {
            return (long) (page() - 1) * size();
        }

        /** A parameter as text, or null. */
        public String param(String name) {
            Object value = params == null ? null : params.get(name);
            return value == null ? null : value.toString().trim();
        }

        public static Request orDefault(Request request) {
            return request == null ? new Request(null, null, null) : request;
        }
    }

    /** A list answer: {@code {pageNum, pageSize, total, pages, list}}. */
    public record Page<T>(int pageNum, int pageSize, long total, long pages, List<T> list) {

        public static <T> Page<T> of(Request request, long total, List<T> list) {
            int size = request.size();
            return new Page<>(request.page(), size, total, (total + size - 1) / size, list);
        }
    }
}
