package io.flatingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Users of a given role for REST tests, created through {@code POST /api/users}. */
final class RestUsers {

    private static final Map<ApiClient, String> TOKENS = new ConcurrentHashMap<>();

    private RestUsers() {
    }

    /** A logged-in client of a new user with the role. */
    static ApiClient create(MicroServer server, ApiClient admin, String name, String role) {
        String password = TestSecurity.secret("Pw-" + name + "-x9-long");
        HttpResponse<String> r = admin.postJson("/api/users", SecurityTokensIT.user(name, password, role));
        assertEquals(201, r.statusCode(), r.body());
        ApiClient client = new ApiClient(server.baseUrl());
        String token = client.token(name, password);
        TOKENS.put(client, token);
        return client.withToken(token);
    }

    /** The token of a client made by {@link #create}. */
    static String token(ApiClient client) {
        return TOKENS.get(client);
    }
}
