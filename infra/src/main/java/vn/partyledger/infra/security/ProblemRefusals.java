package vn.partyledger.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The refusals the security filters make before Spring MVC is reached, written in the same problem+json shape as
 * every other refusal: an unauthenticated call, and a URL the security firewall rejects.
 */
@Component
public class ProblemRefusals implements AuthenticationEntryPoint, RequestRejectedHandler {

    private final ObjectMapper objectMapper;

    public ProblemRefusals(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** An unauthenticated call: 401 with the Basic challenge. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "This API needs an authenticated caller: HTTP Basic with a configured user, or a bearer token.");
        problem.setTitle("Authentication required");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "UNAUTHENTICATED");
        response.setHeader("WWW-Authenticate", "Basic realm=\"party-ledger\"");
        write(response, problem);
    }

    /**
     * A URL the firewall rejects (an encoded dot or a semicolon in an id, say) is bad input: 400. Spring Security's
     * default handler sends the error to the container's error page, which is behind authentication and so answered
     * an authenticated caller 401 "Authentication required".
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request URL is not accepted: " + rejected.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("code", "INVALID_INPUT");
        problem.setProperty("errors", List.of(Map.of("field", "path", "message", rejected.getMessage())));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
