package org.herald.ingest.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/** Every refusal and failure answers in the pushplus envelope, never with a stack trace. */
@RestControllerAdvice
class PushplusErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PushplusErrorAdvice.class);

    private static final String UNSUPPORTED_MULTIPART =
            "不支持的Content-Type: multipart/form-data，请使用application/json或application/x-www-form-urlencoded";

    @ExceptionHandler(PushplusException.class)
    ResponseEntity<Envelope> refused(PushplusException e) {
        return ResponseEntity.status(e.httpStatus()).body(e.envelope());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Envelope> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getPropertyName();
            if (field != null) {
                return ok(Envelope.error(PushplusException.VALIDATION, "字段格式错误: " + field));
            }
        }
        return ok(Envelope.error(PushplusException.VALIDATION, "请求体不是合法的JSON"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Envelope> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ok(Envelope.error(
                PushplusException.VALIDATION, "不支持的Content-Type: " + e.getContentType() + "，请使用application/json"));
    }

    /** Spring parses multipart bodies before any controller; no Herald endpoint takes one. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Envelope> multipart(MultipartException e) {
        return ok(Envelope.error(PushplusException.VALIDATION, UNSUPPORTED_MULTIPART));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Envelope> missingParameter(MissingServletRequestParameterException e) {
        return ok(Envelope.error(PushplusException.VALIDATION, e.getParameterName() + "不能为空"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Envelope> missingHeader(MissingRequestHeaderException e) {
        return ok(Envelope.error(PushplusException.VALIDATION, "缺少请求头" + e.getHeaderName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Envelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ok(Envelope.error(PushplusException.VALIDATION, "参数格式错误: " + e.getName()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Envelope> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(Envelope.error(405, "不支持的请求方法: " + e.getMethod()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Envelope> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Envelope.error(404, "接口不存在"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope> unexpected(Exception e) {
        log.error("request failed unexpectedly", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(PushplusException.busy().envelope());
    }

    private static ResponseEntity<Envelope> ok(Envelope envelope) {
        return ResponseEntity.ok(envelope);
    }
}
