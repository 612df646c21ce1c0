package io.flatingest.security.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginTest {

    @Test
    void afterLoginTheBrowserGoesOnlyToPagesOfThisApplication() {
        assertEquals("/jobs.xhtml?id=4", Login.safeNext("/jobs.xhtml?id=4"));
        assertEquals("/", Login.safeNext(null));
        assertEquals("/", Login.safeNext("https://attacker.example/"));
        assertEquals("/", Login.safeNext("//attacker.example/"));
        assertEquals("/", Login.safeNext("/\\attacker.example/"));
        assertEquals("/", Login.safeNext("/x\r\nSet-Cookie: a=b"));
        assertEquals("/", Login.safeNext("/login.xhtml?next=/"));
    }
}
