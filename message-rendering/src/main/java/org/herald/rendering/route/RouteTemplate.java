package org.herald.rendering.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.rendering.RenderedMessage;
import org.herald.rendering.TemplateRenderer;
import org.herald.rendering.card.Card;
import org.herald.rendering.card.Card.Entry;
import org.herald.rendering.card.Card.Group;
import org.herald.rendering.card.Card.Row;
import org.herald.rendering.card.CardWriter;
import org.herald.rendering.json.JsonEntries;
import org.herald.rendering.json.LenientJson;
import org.herald.rendering.txt.TxtTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code route}: the Asus/Merlin router plugin's JSON, laid out by {@code msgTYPE}:
 *
 * <ul>
 *   <li>{@code ifUP} "网络重启通知": times, then each WAN ({@code netSTATE[]});
 *   <li>{@code newDHCP} "新设备接入通知": the new client, then the clients online ({@code cliLISTS[]});
 *   <li>{@code manuINFO} / {@code cronINFO} "路由器状态（手动查询/定时推送）": system, temperatures,
 *       network (Wi-Fi, WANs, DDNS, LAN, guest), clients, DHCP leases, USB disks.
 * </ul>
 *
 * Field names get Chinese labels; fields the plugin adds later are shown under their own names.
 * The docs' examples are not valid JSON (single quotes, line breaks in strings): read leniently.
 * Content that cannot be read at all is shown as txt.
 */
public final class RouteTemplate implements TemplateRenderer {

    private static final Map<String, String> HEADINGS = Map.of(
            "ifUP", "网络重启通知",
            "newDHCP", "新设备接入通知",
            "manuINFO", "路由器状态（手动查询）",
            "cronINFO", "路由器状态（定时推送）");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("upTIME", "上线时间"),
            Map.entry("rebootTIME", "重启时间"),
            Map.entry("netSTATE", "网络状态"),
            Map.entry("wanRX", "下载流量"),
            Map.entry("wanTX", "上传流量"),
            Map.entry("wanIPv4", "WAN IPv4"),
            Map.entry("proto", "连接类型"),
            Map.entry("pubIPv4", "公网IPv4"),
            Map.entry("pubIPv6", "公网IPv6"),
            Map.entry("wanDNS", "DNS"),
            Map.entry("cliIP", "设备IP"),
            Map.entry("cliNAME", "设备名称"),
            Map.entry("cliMAC", "MAC地址"),
            Map.entry("expTIME", "租约到期"),
            Map.entry("cliLISTS", "在线设备"),
            Map.entry("netINFO", "网络信息"),
            Map.entry("wifiINFO", "无线网络"),
            Map.entry("WAN", "WAN口"),
            Map.entry("DDNS", "DDNS"),
            Map.entry("routerLANIP", "LAN IP"),
            Map.entry("guestINFO", "访客网络"),
            Map.entry("cliINFO", "在线设备"),
            Map.entry("dhcpINFO", "DHCP设备"),
            Map.entry("sysINFO", "系统信息"),
            Map.entry("routerFIRMWARE", "固件版本"),
            Map.entry("routerTIME", "路由器时间"),
            Map.entry("routerUPSECONDS", "运行秒数"),
            Map.entry("routerNAME", "路由器名称"),
            Map.entry("routerMEM", "内存"),
            Map.entry("routerAVGLOAD", "平均负载"),
            Map.entry("routerMODE", "工作模式"),
            Map.entry("routerJFFS", "JFFS"),
            Map.entry("routerUPTIME", "运行时间"),
            Map.entry("routerSWAP", "SWAP"),
            Map.entry("tempINFO", "温度"),
            Map.entry("24G", "2.4G"),
            Map.entry("5G1", "5G"),
            Map.entry("5G2", "5G-2"),
            Map.entry("usbINFO", "USB设备"),
            Map.entry("total", "总量"),
            Map.entry("all", "总量"),
            Map.entry("use", "已用"),
            Map.entry("used", "使用率"),
            Map.entry("free", "可用"),
            Map.entry("available", "可用"),
            Map.entry("status", "状态"),
            Map.entry("name", "名称"),
            Map.entry("ip", "IP"),
            Map.entry("unit", "单位"));

    private final CardWriter writer = new CardWriter();

    @Override
    public RenderedMessage render(String title, String content) {
        Optional<JsonNode> payload = LenientJson.read(content).filter(JsonNode::isObject);
        if (payload.isEmpty()) {
            return TxtTemplate.of(content);
        }
        JsonNode route = payload.get();
        String type = LenientJson.field(route, "msgTYPE");
        Card.Builder card = Card.builder().heading(HEADINGS.getOrDefault(type == null ? "" : type, "路由器通知"));
        for (Map.Entry<String, JsonNode> field : route.properties()) {
            if (!field.getKey().equals("msgTYPE")) {
                card.entry(entry(field.getKey(), field.getValue()));
            }
        }
        if ("newDHCP".equals(type)) {
            card.field("设备名称", LenientJson.field(route, "cliNAME"))
                    .field("设备IP", LenientJson.field(route, "cliIP"))
                    .field("MAC地址", LenientJson.field(route, "cliMAC"));
        }
        return writer.write(card.build());
    }

    private static Entry entry(String key, JsonNode value) {
        String label = label(key);
        switch (key) {
            case "cliLISTS", "cliINFO", "dhcpINFO" -> {
                if (value.isArray()) {
                    return clients(label, value);
                }
            }
            case "netSTATE", "WAN" -> {
                if (value.isArray()) {
                    return numbered(label, "WAN", value);
                }
            }
            case "usbINFO" -> {
                if (value.isArray()) {
                    return numbered(label, "USB", value);
                }
            }
            case "tempINFO" -> {
                if (value.isObject()) {
                    return temperatures(label, value);
                }
            }
            case "routerMEM" -> {
                if (value.isObject()) {
                    String unit = text(value, "unit");
                    return new Row(label, "可用 " + text(value, "free") + unit + " / 共 " + text(value, "all") + unit);
                }
            }
            default -> {}
        }
        if (value.isObject()) {
            List<Entry> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                children.add(entry(field.getKey(), field.getValue()));
            }
            return new Group(label, children);
        }
        return JsonEntries.entry(label, value, RouteTemplate::label);
    }

    /** {@code [{ip, name}]} as one "name： ip" row per client. */
    private static Entry clients(String label, JsonNode clients) {
        List<Entry> rows = new ArrayList<>();
        for (JsonNode client : clients) {
            if (client.isObject()) {
                String name = text(client, "name");
                rows.add(new Row(name.isBlank() ? "未知设备" : name, text(client, "ip")));
            } else {
                rows.add(new Row("#" + (rows.size() + 1), LenientJson.text(client)));
            }
        }
        return new Group(label + "（" + rows.size() + "）", rows);
    }

    private static Entry numbered(String label, String itemLabel, JsonNode items) {
        List<Entry> groups = new ArrayList<>();
        int index = 1;
        for (JsonNode item : items) {
            String name = item.isObject() ? text(item, "name") : "";
            groups.add(entry(name.isBlank() ? itemLabel + index : name, item));
            index++;
        }
        return new Group(label, groups);
    }

    private static Entry temperatures(String label, JsonNode temperatures) {
        String unit = text(temperatures, "unit");
        List<Entry> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> sensor : temperatures.properties()) {
            if (!sensor.getKey().equals("unit")) {
                rows.add(new Row(label(sensor.getKey()), LenientJson.text(sensor.getValue()) + unit));
            }
        }
        return new Group(label, rows);
    }

    private static String label(String key) {
        return LABELS.getOrDefault(key, key);
    }

    private static String text(JsonNode object, String name) {
        String value = LenientJson.field(object, name);
        return value == null ? "" : value;
    }
}
