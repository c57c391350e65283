package org.herald.sandbox.robot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The robots the fakes know, with their security settings, as a user sets them up in the vendor's
 * console. A robot nobody registered is one without signing or keywords; a token or key starting
 * with {@code unknown} does not exist (the vendor's "invalid webhook url" / "token is not exist").
 */
public final class RobotRegistry {

    /**
     * @param secret the signing secret (DingTalk 加签, Feishu/Lark 签名校验), or null for none
     * @param keywords custom keywords, one of which every message must contain; empty for none
     */
    public record Robot(String secret, List<String> keywords) {

        public Robot {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    private final Map<String, Robot> robots = new ConcurrentHashMap<>();

    public void register(String target, String token, String secret, List<String> keywords) {
        robots.put(target + "/" + token, new Robot(secret, keywords));
    }

    public Optional<Robot> find(String target, String token) {
        return Optional.ofNullable(robots.get(target + "/" + token));
    }

    public static boolean unknown(String token) {
        return token == null || token.isBlank() || token.startsWith("unknown");
    }

    /** Registered robots by {@code target/token}, secrets masked. */
    public Map<String, Robot> registered() {
        Map<String, Robot> masked = new TreeMap<>();
        robots.forEach(
                (key, robot) -> masked.put(key, new Robot(robot.secret() == null ? null : "***", robot.keywords())));
        return masked;
    }

    public void clear() {
        robots.clear();
    }
}
