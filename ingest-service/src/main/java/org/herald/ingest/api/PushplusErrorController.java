package org.herald.ingest.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a request Tomcat rejects, a failure in a filter) are
 * forwarded here; they answer in the pushplus envelope too instead of Spring's default error JSON.
 */
@RestController
class PushplusErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Envelope> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = attribute instanceof Integer code ? code : HttpStatus.NOT_FOUND.value();
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null || httpStatus.is5xxServerError()) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(PushplusException.busy().envelope());
        }
        return ResponseEntity.status(httpStatus)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(status, message(httpStatus)));
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求格式错误";
            case NOT_FOUND -> "接口不存在";
            case METHOD_NOT_ALLOWED -> "不支持的请求方法";
            case PAYLOAD_TOO_LARGE -> "请求体过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的Content-Type";
            default -> "请求失败";
        };
    }
}
