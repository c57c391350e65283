package org.herald.ingest.channelconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.herald.ingest.api.PushplusException;
import org.junit.jupiter.api.Test;

class ChannelConfigServiceTest {

    @Test
    void shouldPickTheUsualSubmissionPortForTheMode() {
        assertThat(ChannelConfigService.port(null, true)).isEqualTo(465);
        assertThat(ChannelConfigService.port(null, false)).isEqualTo(587);
        assertThat(ChannelConfigService.port(25, false)).isEqualTo(25);
        assertThatThrownBy(() -> ChannelConfigService.port(70000, true))
                .isInstanceOf(PushplusException.class)
                .hasMessage("smtpPort必须在1到65535之间");
    }

    @Test
    void shouldCheckCodesHostsAndAddresses() {
        assertThat(ChannelConfigService.code("cpCode", " ops-1 ")).isEqualTo("ops-1");
        assertThat(ChannelConfigService.host("smtp.qq.com")).isEqualTo("smtp.qq.com");
        assertThat(ChannelConfigService.mailAccount("me@example.com")).isEqualTo("me@example.com");
        assertThat(ChannelConfigService.name("cpName", null, "ops")).isEqualTo("ops");
        assertThatThrownBy(() -> ChannelConfigService.code("cpCode", "a b"))
                .hasMessage("cpCode只能包含字母、数字、下划线和短横线，最长64个字符");
        assertThatThrownBy(() -> ChannelConfigService.host("smtp.qq.com/evil")).hasMessage("smtpServer必须是主机名");
        assertThatThrownBy(() -> ChannelConfigService.mailAccount("nobody")).hasMessage("account必须是邮箱地址");
        assertThatThrownBy(() -> ChannelConfigService.proxy("ftp://proxy")).hasMessage("proxy必须是http或https地址");
    }
}
