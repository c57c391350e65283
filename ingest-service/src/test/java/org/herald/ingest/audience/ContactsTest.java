package org.herald.ingest.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.herald.ingest.api.PushplusException;
import org.herald.ingest.openapi.Paging;
import org.junit.jupiter.api.Test;

class ContactsTest {

    @Test
    void shouldGiveEachChannelTheContactItNeeds() {
        Contacts contacts = Contacts.checked("oAbc_1", "zhang.san", "a@example.com", "+8613800138000");

        assertThat(contacts.addressFor("wechat")).isEqualTo("oAbc_1");
        assertThat(contacts.addressFor("cp")).isEqualTo("zhang.san");
        assertThat(contacts.addressFor("mail")).isEqualTo("a@example.com");
        assertThat(contacts.addressFor("sms")).isEqualTo("+8613800138000");
        assertThat(contacts.addressFor("webhook")).isNull();
    }

    @Test
    void shouldTreatBlankContactsAsAbsent() {
        Contacts contacts = Contacts.checked(" ", null, "", null);

        assertThat(contacts.isEmpty()).isTrue();
        assertThat(contacts.addressFor("wechat")).isNull();
        assertThat(Contacts.missing("mail")).isEqualTo("未绑定邮箱");
    }

    @Test
    void shouldRefuseContactsThatAreNotWhatTheyClaim() {
        assertThatThrownBy(() -> Contacts.checked(null, null, "not-an-address", null))
                .isInstanceOf(PushplusException.class)
                .hasMessage("email格式不正确");
        assertThatThrownBy(() -> Contacts.checked(null, null, null, "12ab")).hasMessage("phone格式不正确");
        assertThatThrownBy(() -> Contacts.checked("has space", null, null, null))
                .hasMessage("openId格式不正确");
    }

    @Test
    void shouldIdentifyAPersonByAccountElseFirstContact() {
        assertThat(Contacts.identity("5f0c6a3e-8d0b-4c1e-9a51-2b7c1d9e4f60", Contacts.checked("o1", null, null, null)))
                .isEqualTo("account:5f0c6a3e-8d0b-4c1e-9a51-2b7c1d9e4f60");
        assertThat(Contacts.identity(null, Contacts.checked(null, null, "A@Example.com", "13800138000")))
                .isEqualTo("email:a@example.com");
        assertThatThrownBy(() -> Contacts.identity(null, Contacts.NONE))
                .hasMessage("需要accountId或至少一种联系方式（openId、wecomUserId、email、phone）");
    }

    @Test
    void shouldPageAsTheOpenApiDoes() {
        assertThat(new Paging.PageRequest(3, 20, null).page(java.util.List.of(), 41))
                .isEqualTo(new Paging.Page<>(3, 20, 41, 3, java.util.List.of()));
        assertThat(new Paging.PageRequest(null, null, null).size()).isEqualTo(20);
        assertThat(new Paging.PageRequest(2, 10, null).offset()).isEqualTo(10);
        assertThatThrownBy(() -> new Paging.PageRequest(1, 51, null).size()).hasMessage("pageSize必须在1到50之间");
        assertThatThrownBy(() -> new Paging.PageRequest(0, 10, null).pageNum()).hasMessage("current必须大于0");
    }
}
