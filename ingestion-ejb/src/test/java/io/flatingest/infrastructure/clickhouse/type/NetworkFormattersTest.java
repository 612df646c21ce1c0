package io.flatingest.infrastructure.clickhouse.type;

import static io.flatingest.infrastructure.clickhouse.type.Decode.bytes;
import static io.flatingest.infrastructure.clickhouse.type.Decode.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NetworkFormattersTest {

    @Test
    void uuidFromTwoLittleEndianHalvesHighFirst() {
        // Bytes as the 18.16 server sent them for toUUID('00112233-4455-6677-8899-aabbccddeeff').
        assertEquals("00112233-4455-6677-8899-aabbccddeeff", text("UUID", bytes().raw(0x77, 0x66, 0x55, 0x44, 0x33,
                0x22, 0x11, 0x00, 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88)));
        assertEquals("00000000-0000-0000-0000-000000000000", text("UUID", bytes().i64(0).i64(0)));
        assertEquals("ffffffff-ffff-ffff-ffff-ffffffffffff", text("UUID", bytes().i64(-1).i64(-1)));
    }

    @Test
    void ipv4Dotted() {
        assertEquals("1.2.3.4", text("IPv4", bytes().i32(0x01020304)));
        assertEquals("255.255.255.255", text("IPv4", bytes().i32(-1)));
        assertEquals("0.0.0.0", text("IPv4", bytes().i32(0)));
        assertEquals("192.168.100.10", text("IPv4", bytes().i32(0xC0A8640A)));
    }

    @ParameterizedTest
    @CsvSource({"::,::", "::1,::1", "1::,1::", "2001:db8::1,2001:db8::1", "::ffff:1.2.3.4,::ffff:1.2.3.4",
            "::1.2.3.4,::1.2.3.4", "2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1,2001:db8:0:1:1:1:1:1",
            "fe80:0:0:0:a:b:c:d,fe80::a:b:c:d", "2001:DB8:0:0:0:0:0:ABCD,2001:db8::abcd",
            "1:0:0:2:0:0:0:3,1:0:0:2::3", "0:0:1:0:0:0:0:0,0:0:1::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,"
            + "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::ffff:0.0.0.0,::ffff:0.0.0.0", "0:0:0:0:0:1:0:0,::1:0:0"})
    void ipv6CanonicalCompressed(String address, String text) throws UnknownHostException {
        byte[] raw = InetAddress.getByName(address).getAddress();
        if (raw.length == 4) { // Java folds ::ffff:a.b.c.d to IPv4
            raw = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, raw[0], raw[1], raw[2], raw[3]};
        }
        assertEquals(text, text("IPv6", bytes().raw(raw)));
    }
}
