package vn.partyledger.infra.api;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Idempotency-Key, If-Match and X-Correlation-Id into a {@link RequestContext} parameter. */
class RequestContextResolver implements HandlerMethodArgumentResolver {

    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,128}$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == RequestContext.class;
    }

    @Override
    public RequestContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String key = request.getHeader("Idempotency-Key");
        if (key != null && !KEY.matcher(key).matches()) {
            throw new BadHeader("Idempotency-Key", "must be 1 to 128 visible ASCII characters");
        }
        String correlationId = request.getHeader("X-Correlation-Id");
        if (correlationId != null && !KEY.matcher(correlationId).matches()) {
            throw new BadHeader("X-Correlation-Id", "must be 1 to 128 visible ASCII characters");
        }
        return new RequestContext(key, expectedVersion(request.getHeader("If-Match")), correlationId);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new BadHeader("If-Match", "must be the aggregate version from an earlier ETag, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** A malformed header: answered 400 naming the header. */
    static class BadHeader extends RuntimeException {

        private final String header;

        BadHeader(String header, String message) {
            super(header + " " + message);
            this.header = header;
        }

        String header() {
            return header;
        }
    }
}
