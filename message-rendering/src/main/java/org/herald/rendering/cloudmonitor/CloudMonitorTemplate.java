package org.herald.rendering.cloudmonitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.card.Card;
import org.herald.rendering.card.Card.Entry;
import org.herald.rendering.card.CardWriter;
import org.herald.rendering.json.JsonEntries;
import org.herald.rendering.json.LenientJson;
import org.herald.rendering.txt.TxtTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cloudMonitor}: an Aliyun CloudMonitor alarm callback, posted as a form or as JSON.
 *
 * <p>Threshold (host-monitoring) alarms become pushplus' "设备告警通知" card: alertName as subtitle,
 * 告警对象, 告警类型 ({@code preTriggerLevel -> triggerLevel}), 告警状态, 告警时间 (epoch seconds or
 * milliseconds, shown in UTC+8), 报警内容 ({@code metricName expression 当前值:curValue}), 监控维度
 * and the note "请至阿里云监控查看详情". Event-monitoring alarms become "云监控事件通知": product,
 * instance, resource id, region, event name, level, status, then the event's details, and a link
 * to the CloudMonitor console. Unknown extra fields are ignored; content that is neither is txt.
 */
public final class CloudMonitorTemplate implements TemplateRenderer {

    static final String CONSOLE = "https://cloudmonitor.console.aliyun.com/";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final CardWriter writer = new CardWriter();

    @Override
    public RenderedMessage render(String title, String content) {
        Optional<ObjectNode> payload = LenientJson.readObjectOrForm(content);
        if (payload.isEmpty()) {
            return TxtTemplate.of(content);
        }
        ObjectNode alarm = payload.get();
        if (alarm.has("alertName") || alarm.has("metricName")) {
            return writer.write(threshold(alarm));
        }
        if (alarm.has("product") || alarm.has("resourceId") || alarm.has("eventName")) {
            return writer.write(event(alarm));
        }
        return TxtTemplate.of(content);
    }

    private static Card threshold(JsonNode alarm) {
        String instance = LenientJson.field(alarm, "instanceName");
        String levels = levels(LenientJson.field(alarm, "preTriggerLevel"), LenientJson.field(alarm, "triggerLevel"));
        String time = time(LenientJson.field(alarm, "timestamp"));
        String detail = join(
                LenientJson.field(alarm, "metricName"),
                LenientJson.field(alarm, "expression"),
                prefixed("当前值:", LenientJson.field(alarm, "curValue")));
        return Card.builder()
                .heading("设备告警通知")
                .subtitle(LenientJson.field(alarm, "alertName"))
                .row("告警对象", instance)
                .row("告警类型", levels)
                .row("告警状态", state(LenientJson.field(alarm, "alertState")))
                .row("告警时间", time)
                .row("报警内容", detail)
                .row("监控维度", dimensions(LenientJson.field(alarm, "dimensions")))
                .note("请至阿里云监控查看详情")
                .field("告警对象", instance)
                .field("告警类型", levels)
                .field("告警时间", time)
                .field("报警内容", detail)
                .build();
    }

    private static Card event(JsonNode alarm) {
        String name = first(alarm, "name", "eventName");
        String instance = LenientJson.field(alarm, "instanceName");
        String level = LenientJson.field(alarm, "level");
        String status = LenientJson.field(alarm, "status");
        List<Entry> details = new ArrayList<>();
        JsonNode content = alarm.get("content");
        if (content != null && content.isString()) {
            content = LenientJson.read(content.asString()).orElse(content);
        }
        if (content != null && content.isContainer()) {
            details.addAll(JsonEntries.of(content));
        } else if (content != null && !content.isNull()) {
            details.add(new Card.Row("content", LenientJson.text(content)));
        }
        return Card.builder()
                .heading("云监控事件通知")
                .row("产品类型", LenientJson.field(alarm, "product"))
                .row("实例名称", instance)
                .row("资源ID", LenientJson.field(alarm, "resourceId"))
                .row("地域", first(alarm, "regionId", "region"))
                .row("事件名称", name)
                .row("事件级别", level)
                .row("事件状态", status)
                .row("事件时间", time(first(alarm, "eventTime", "timestamp")))
                .group("事件详情", details)
                .link("请至阿里云监控了解详情", CONSOLE)
                .field("事件名称", name)
                .field("实例名称", instance)
                .field("事件级别", level)
                .field("事件状态", status)
                .build();
    }

    private static String levels(String previous, String current) {
        if (previous == null || previous.isBlank()) {
            return current;
        }
        return previous + " -> " + (current == null ? "" : current);
    }

    private static String state(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "ALERT" -> "ALERT（告警）";
            case "OK" -> "OK（已恢复）";
            case "INSUFFICIENT_DATA" -> "INSUFFICIENT_DATA（数据不足）";
            default -> state;
        };
    }

    /** Epoch seconds (the sample) or milliseconds, in UTC+8 as pushplus shows; anything else as sent. */
    static String time(String timestamp) {
        if (timestamp == null || !timestamp.strip().matches("\\d{9,13}")) {
            return timestamp;
        }
        long value = Long.parseLong(timestamp.strip());
        Instant at = timestamp.strip().length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return TIME.format(at);
    }

    /** {@code {userId=12****, instanceId=i-12****}} is a map dump, not JSON: shown without braces. */
    private static String dimensions(String dimensions) {
        if (dimensions == null) {
            return null;
        }
        String text = dimensions.strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String first(JsonNode alarm, String... names) {
        for (String name : names) {
            String value = LenientJson.field(alarm, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String prefixed(String prefix, String value) {
        return value == null || value.isBlank() ? null : prefix + value;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join(" ", present);
    }
}
