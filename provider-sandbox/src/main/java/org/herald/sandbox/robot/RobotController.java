package org.herald.sandbox.robot;

import java.util.List;
import java.util.Map;
import org.herald.sandbox.behaviour.RateWindows;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets up a robot's security as in the vendor console:
 * {@code PUT /api/robots/dingtalk/<token> {"secret":"SEC…","keywords":["pushplus"]}}.
 */
@RestController
class RobotController {

    record Settings(String secret, List<String> keywords) {}

    private final RobotRegistry robots;
    private final RateWindows windows;

    RobotController(RobotRegistry robots, RateWindows windows) {
        this.robots = robots;
        this.windows = windows;
    }

    @PutMapping("/api/robots/{target}/{token}")
    ResponseEntity<Void> register(
            @PathVariable String target, @PathVariable String token, @RequestBody(required = false) Settings settings) {
        Settings body = settings == null ? new Settings(null, List.of()) : settings;
        robots.register(target, token, body.secret(), body.keywords());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/robots")
    Map<String, RobotRegistry.Robot> registered() {
        return robots.registered();
    }

    @DeleteMapping("/api/robots")
    ResponseEntity<Void> clear() {
        robots.clear();
        windows.clear();
        return ResponseEntity.noContent().build();
    }
}
