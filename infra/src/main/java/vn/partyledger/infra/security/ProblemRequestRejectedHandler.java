package vn.partyledger.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A URL the security firewall rejects (an encoded dot or a semicolon in an id, say) is bad input: 400 problem+json.
 * Spring Security's default handler sends the error to the container's error page, which is behind authentication
 * and so answered an authenticated caller 401 "Authentication required".
 */
@Component
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final ObjectMapper objectMapper;

    public ProblemRequestRejectedHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request URL is not accepted: " + rejected.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("code", "INVALID_INPUT");
        problem.setProperty("errors", List.of(Map.of("field", "path", "message", rejected.getMessage())));
        ProblemResponse.write(response, problem, objectMapper);
    }
}
