package org.herald.callback.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refusals as pushplus envelopes, never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrorAdvice.class)
class ApiErrorAdvice {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(Envelope.error(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Envelope badParameter(MethodArgumentTypeMismatchException e) {
        return Envelope.error(400, e.getName() + "格式不正确");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Envelope missingParameter(MissingServletRequestParameterException e) {
        return Envelope.error(400, e.getParameterName() + "不能为空");
    }
}
