package org.herald.ingest.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.herald.ingest.api.Envelope;
import org.herald.ingest.channelconfig.ChannelConfigService;
import org.herald.ingest.channelconfig.ChannelConfigService.CpSettings;
import org.herald.ingest.channelconfig.ChannelConfigService.MailSettings;
import org.herald.ingest.channelconfig.CpConfig;
import org.herald.ingest.channelconfig.MailConfig;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom applications ({@code /api/open/cp/*}) and mail senders ({@code /api/open/mail/*}). pushplus
 * documents list and (mail) detail; add, edit and delete follow the webhook endpoints' shape. Secrets
 * are answered as {@link ChannelConfigService#MASK}, never in clear.
 */
@RestController
class OpenChannelConfigController {

    private final ChannelConfigService configs;

    OpenChannelConfigController(ChannelConfigService configs) {
        this.configs = configs;
    }

    @PostMapping("/api/open/cp/list")
    Envelope cpList(@OpenApiAccount UUID accountId, @RequestBody(required = false) Paging.PageRequest request) {
        return Envelope.executed(Paging.PageRequest.orDefault(request).of(configs.cps(accountId), cp -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", cp.id());
            row.put("cpName", cp.name());
            row.put("cpCode", cp.code());
            return row;
        }));
    }

    @GetMapping("/api/open/cp/detail")
    Envelope cpDetail(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long cpId) {
        CpConfig cp = configs.cp(accountId, cpId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", cp.id());
        detail.put("cpName", cp.name());
        detail.put("cpCode", cp.code());
        detail.put("corpId", cp.corpId());
        detail.put("agentId", cp.agentId());
        detail.put("secret", ChannelConfigService.MASK);
        detail.put("proxy", ChannelConfigService.maskedProxy(cp));
        detail.put("createTime", OpenApiController.PUSHPLUS_TIME.format(cp.createdAt()));
        return Envelope.executed(detail);
    }

    @PostMapping("/api/open/cp/add")
    Envelope cpAdd(@OpenApiAccount UUID accountId, @RequestBody(required = false) CpRequest request) {
        return Envelope.executed(
                configs.addCp(accountId, orEmpty(request).settings()).id());
    }

    @PostMapping("/api/open/cp/edit")
    Envelope cpEdit(@OpenApiAccount UUID accountId, @RequestBody(required = false) CpRequest request) {
        CpRequest body = orEmpty(request);
        configs.editCp(accountId, body.id(), body.settings());
        return Envelope.executed("修改成功");
    }

    @DeleteMapping("/api/open/cp/delete")
    Envelope cpDelete(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long cpId) {
        configs.deleteCp(accountId, cpId);
        return Envelope.executed("删除成功");
    }

    @PostMapping("/api/open/mail/list")
    Envelope mailList(@OpenApiAccount UUID accountId, @RequestBody(required = false) Paging.PageRequest request) {
        return Envelope.executed(Paging.PageRequest.orDefault(request).of(configs.mails(accountId), mail -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", mail.id());
            row.put("mailName", mail.name());
            row.put("mailCode", mail.code());
            return row;
        }));
    }

    @GetMapping("/api/open/mail/detail")
    Envelope mailDetail(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long mailId) {
        MailConfig mail = configs.mail(accountId, mailId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", mail.id());
        detail.put("mailName", mail.name());
        detail.put("mailCode", mail.code());
        detail.put("account", mail.account());
        detail.put("password", ChannelConfigService.MASK);
        detail.put("smtpServer", mail.smtpServer());
        detail.put("smtpSsl", mail.smtpSsl());
        detail.put("smtpPort", mail.smtpPort());
        detail.put("createTime", OpenApiController.PUSHPLUS_TIME.format(mail.createdAt()));
        return Envelope.executed(detail);
    }

    @PostMapping("/api/open/mail/add")
    Envelope mailAdd(@OpenApiAccount UUID accountId, @RequestBody(required = false) MailRequest request) {
        return Envelope.executed(
                configs.addMail(accountId, orEmpty(request).settings()).id());
    }

    @PostMapping("/api/open/mail/edit")
    Envelope mailEdit(@OpenApiAccount UUID accountId, @RequestBody(required = false) MailRequest request) {
        MailRequest body = orEmpty(request);
        configs.editMail(accountId, body.id(), body.settings());
        return Envelope.executed("修改成功");
    }

    @DeleteMapping("/api/open/mail/delete")
    Envelope mailDelete(@OpenApiAccount UUID accountId, @RequestParam(required = false) Long mailId) {
        configs.deleteMail(accountId, mailId);
        return Envelope.executed("删除成功");
    }

    private static CpRequest orEmpty(CpRequest request) {
        return request == null ? new CpRequest(null, null, null, null, null, null, null) : request;
    }

    private static MailRequest orEmpty(MailRequest request) {
        return request == null ? new MailRequest(null, null, null, null, null, null, null, null) : request;
    }

    record CpRequest(
            Long id, String cpCode, String cpName, String corpId, String agentId, String secret, String proxy) {

        CpSettings settings() {
            return new CpSettings(cpCode, cpName, corpId, agentId, secret, proxy);
        }

        @Override
        public String toString() {
            return "CpRequest[" + id + ", " + cpCode + ", secret=<hidden>]";
        }
    }

    record MailRequest(
            Long id,
            String mailCode,
            String mailName,
            String account,
            String password,
            String smtpServer,
            Integer smtpPort,
            Boolean smtpSsl) {

        MailSettings settings() {
            return new MailSettings(mailCode, mailName, account, password, smtpServer, smtpPort, smtpSsl);
        }

        @Override
        public String toString() {
            return "MailRequest[" + id + ", " + mailCode + ", password=<hidden>]";
        }
    }
}
