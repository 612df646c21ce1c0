package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Encoding.assertBytes;
import static io.flatingest.infrastructure.clickhouse.type.Encoding.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpEncoderTest {

    @ParameterizedTest
    @CsvSource({"0.0.0.0, 00000000", "255.255.255.255, ffffffff", "1.2.3.4, 04030201", "192.168.001.010, 0a01a8c0",
        "127.0.0.1, 0100007f"})
    void encodesIpv4AsLittleEndianUInt32(String text, String hex) throws ConversionException {
        assertBytes(hex, "IPv4", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4 ", "0x7f.0.0.1",
        "1234.1.1.1", "localhost", "::1", "1.2.3.-4", "١.2.3.4", "2130706433"})
    void rejectsWhatIsNotDottedDecimal(String text) {
        assertTrue(reason("IPv4", text).startsWith("'" + text + "' is not a valid IPv4"), text);
    }

    @ParameterizedTest
    @CsvSource({
        "::, 00000000000000000000000000000000",
        "::1, 00000000000000000000000000000001",
        "1::, 00010000000000000000000000000000",
        "2001:db8::8a2e:370:7334, 20010db80000000000008a2e03707334",
        "2001:0DB8:0000:0000:0000:FF00:0042:8329, 20010db8000000000000ff0000428329",
        "1:2:3:4:5:6:7:8, 00010002000300040005000600070008",
        "1:2:3:4:5:6:7::, 00010002000300040005000600070000",
        "::2:3:4:5:6:7:8, 00000002000300040005000600070008",
        "::ffff:1.2.3.4, 00000000000000000000ffff01020304",
        "::FFFF:192.168.0.1, 00000000000000000000ffffc0a80001",
        "1.2.3.4, 00000000000000000000ffff01020304",
        "1:2:3:4:5:6:1.2.3.4, 00010002000300040005000601020304",
        "fe80::1:2, fe800000000000000000000000010002",
    })
    void encodesIpv6InNetworkOrder(String text, String hex) throws ConversionException {
        assertBytes(hex, "IPv6", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "1:::2", "1::2::3", ":1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
        "fe80::1%eth0", "[::1]", "::g", "1:2:3:4:5:6:7:8::", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "1:",
        ":", "", "example.com", "::ffff:256.1.1.1", "1::2:"})
    void rejectsWhatIsNotAnIpv6Address(String text) {
        String reason = reason("IPv6", text);
        assertTrue(reason.contains("IPv6") || reason.startsWith("an empty value"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "1::8"})
    void acceptsCompressionStandingForAnyNumberOfGroups(String text) throws ConversionException {
        assertEquals(16, Encoding.encode("IPv6", text).length);
    }
}
