package org.herald.ingest.send;

import java.util.Map;
import org.herald.ingest.api.PushplusException;

/**
 * Turns one HTTP request (query string, content type, body bytes, path token) into the parameters of
 * a send, applying pushplus' two ways of reading a request: fields from query and body, or, when the
 * URL names the template and a body is posted, the whole body as content (pushplus §1.3).
 */
public final class SendRequestReader {

    static final String TOKEN_IN_FOREIGN_BODY = "token不能为空（URL中指定template时整个请求体都是内容，token请放在URL或路径中）";

    private final RequestParameters parameters;

    public SendRequestReader(RequestParameters parameters) {
        this.parameters = parameters;
    }

    public SendParameters read(String queryString, String contentType, byte[] body, String pathToken) {
        parameters.refuseMultipart(contentType);
        Map<String, String> query = parameters.fromQuery(queryString);
        if (isTemplateInUrl(query, contentType, body)) {
            String wholeBody = parameters.wholeBody(contentType, body);
            if (!wholeBody.isBlank()) {
                Map<String, String> embedded = parameters.embeddedFields(wholeBody);
                SendParameters read = ParameterMerger.mergeTemplateInUrl(query, embedded, wholeBody, pathToken);
                if (read.token() == null && embedded.containsKey("token")) {
                    // A client that names the template in the URL and posts its fields as JSON.
                    throw PushplusException.invalid(TOKEN_IN_FOREIGN_BODY);
                }
                return read;
            }
        }
        return ParameterMerger.merge(parameters.fromBody(contentType, body), query, pathToken);
    }

    /**
     * A form body stays a form of parameters even with a template in the URL: pushplus' own demos post
     * forms, and no monitoring system posts its payload form-encoded.
     */
    private boolean isTemplateInUrl(Map<String, String> query, String contentType, byte[] body) {
        String template = query.get("template");
        return template != null
                && !template.isBlank()
                && body != null
                && body.length > 0
                && !parameters.isFormOfParameters(contentType, body);
    }
}
