package org.herald.ingest.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code UUID} handler parameter as the account of the request's {@code access-key} header;
 * a missing, unknown or expired key is refused with 401 before the handler runs.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenApiAccount {}
