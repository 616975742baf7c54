package org.stancegraph.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's basic authentication, for which a malformed {@code Authorization: Basic} header (not
 * base64, say {@code Basic !!!!}) is what it is: no credentials, answered 401 with a challenge.
 * Jetty's own lets the decoding error escape, and the client gets a 500.
 */
final class WellFormedBasicAuthenticator extends BasicAuthenticator {

    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
        try {
            return super.validateRequest(request, response, callback);
        } catch (IllegalArgumentException malformed) {
            return super.validateRequest(withoutAuthorization(request), response, callback);
        }
    }

    private static Request withoutAuthorization(Request request) {
        HttpFields headers = HttpFields.build(request.getHeaders()).remove(HttpHeader.AUTHORIZATION).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        };
    }
}
