package org.conflictmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Links start with conflictmap.public-url, else the connection's own address; the Host header never counts. */
class LinksTest {
    private static MockHttpServletRequest hostile() {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/ogc");
        r.setServerName("evil.example");
        r.setServerPort(80);
        r.addHeader("Host", "evil.example");
        r.addHeader("X-Forwarded-Host", "evil.example");
        r.setLocalAddr("10.1.2.3");
        r.setLocalPort(8080);
        return r;
    }

    @Test
    void thePublicUrlWinsOverEverythingTheRequestSays() {
        Links links = new Links(new WebProperties("https://map.example.org/conflict/"), "none");
        assertThat(links.base(hostile())).isEqualTo("https://map.example.org/conflict");
        assertThat(new Links(new WebProperties("https://map.example.org"), "framework").base(hostile()))
                .isEqualTo("https://map.example.org");
    }

    @Test
    void withoutItLinksNameTheLocalAddressNotTheHostHeader() {
        assertThat(new Links(new WebProperties(null), "none").base(hostile())).isEqualTo("http://10.1.2.3:8080");
        assertThat(new Links(new WebProperties(" "), "none").base(hostile())).isEqualTo("http://10.1.2.3:8080");
        MockHttpServletRequest v6 = hostile();
        v6.setLocalAddr("0:0:0:0:0:0:0:1");
        assertThat(new Links(new WebProperties(null), "none").base(v6)).isEqualTo("http://[0:0:0:0:0:0:0:1]:8080");
    }

    @Test
    void forwardedValuesCountOnlyWhenAProxyIsConfigured() {
        // with server.forward-headers-strategy set, the proxy's headers have become the request's name and port
        assertThat(new Links(new WebProperties(null), "native").base(hostile())).isEqualTo("http://evil.example:80");
    }

    @Test
    void aPublicUrlMustBeAnHttpBase() {
        for (String bad :
                new String[] {"map.example.org", "ftp://map.example.org", "https://map.example.org/?a=1", "https://x/#f"
                }) {
            assertThatThrownBy(() -> new WebProperties(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
