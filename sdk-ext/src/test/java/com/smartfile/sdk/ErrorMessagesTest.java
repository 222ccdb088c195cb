package com.smartfile.sdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

/** The hint an error message ends with fits what the server said. */
class ErrorMessagesTest {

    private static final MediaType JSON = MediaType.get("application/json");

    private static ApiException reply(int status, String body) {
        return ErrorMapper.build(status, "POST", "https://app.smartfile.com/api/2/path/oper/mkdir/", body, JSON, null,
                Optional.empty());
    }

    @Test
    void aBadRequestPointsAtNamedParametersOnlyWhenSomeAreNamed() {
        String named = reply(400, "{\"path\": [\"This field is required.\"]}").getMessage();
        assertTrue(named.contains("path: This field is required.") && named.contains("Check the parameters named above."), named);
        String none = reply(400, "{\"detail\": \"Bad request\"}").getMessage();
        assertFalse(none.contains("named above"), none);
        assertTrue(none.contains("Check the request's parameters."), none);
    }

    @Test
    void anOAuthSignatureThatDidNotVerifyIsAboutTheSecretsNotARight() {
        ApiException e = reply(403, "{\"detail\": \"" + ErrorMapper.OAUTH_NOT_VERIFIED + "\"}");
        assertInstanceOf(AuthenticationException.class, e);
        assertFalse(e.getMessage().contains("administrator"), e.getMessage());
        assertTrue(e.getMessage().contains("OAuth signature did not verify"), e.getMessage());
        assertTrue(reply(403, "{\"detail\": \"no\"}").getMessage().contains("administrator"));
    }
}
