package org.herald.ingest.channelconfig;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.herald.ingest.api.HttpAddress;
import org.herald.ingest.api.PushplusException;
import org.herald.sealing.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * WeCom applications and mail senders: checked, their secrets sealed before they are stored, and
 * answered masked. On edit an absent field keeps its value, so a secret need not be typed again.
 */
@Service
public class ChannelConfigService {

    /** What answers show instead of a secret that is set. */
    public static final String MASK = "******";

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SECRET_LENGTH = 256;
    /** As many WeCom apps as a pushplus member may bind (pushplus: 5 / 5 / 30). */
    static final int MAX_CP = 30;
    /** pushplus does not say; the same bound as WeCom apps. */
    static final int MAX_MAIL = 30;

    /** Codes end up in delivery ids and Kafka keys, as webhook codes do. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern AGENT_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253}[A-Za-z0-9])?");
    private static final Pattern MAIL_ACCOUNT = Pattern.compile("[^\\s@]{1,64}@[A-Za-z0-9.-]{1,255}");

    private static final Logger log = LoggerFactory.getLogger(ChannelConfigService.class);

    private final ChannelConfigRepository configs;
    private final SecretSealer sealer;
    private final Clock clock;

    ChannelConfigService(ChannelConfigRepository configs, SecretSealer sealer, Clock clock) {
        this.configs = configs;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What a caller sends for a WeCom application; on edit, null keeps the stored value. */
    public record CpSettings(String cpCode, String cpName, String corpId, String agentId, String secret, String proxy) {

        @Override
        public String toString() {
            return "CpSettings[" + cpCode + ", corp " + corpId + ", agent " + agentId + ", secret=<hidden>]";
        }
    }

    /** What a caller sends for a mail sender; on edit, null keeps the stored value. */
    public record MailSettings(
            String mailCode,
            String mailName,
            String account,
            String password,
            String smtpServer,
            Integer smtpPort,
            Boolean smtpSsl) {

        @Override
        public String toString() {
            return "MailSettings[" + mailCode + ", " + smtpServer + ":" + smtpPort + ", password=<hidden>]";
        }
    }

    public CpConfig addCp(UUID accountId, CpSettings settings) {
        if (configs.listCp(accountId).size() >= MAX_CP) {
            throw PushplusException.invalid("企业微信应用配置数量已达上限" + MAX_CP + "个");
        }
        String code = code("cpCode", settings.cpCode());
        CpConfig cp = new CpConfig(
                0,
                accountId,
                code,
                name("cpName", settings.cpName(), code),
                matching("corpId", settings.corpId(), CORP_ID, "corpId只能包含字母和数字"),
                matching("agentId", settings.agentId(), AGENT_ID, "agentId必须是数字"),
                sealer.seal(secret("secret", settings.secret())),
                proxy(settings.proxy()),
                clock.instant());
        CpConfig stored = unique(() -> configs.insertCp(cp), "cpCode", code);
        log.info("WeCom app {} added to account {}", code, accountId);
        return stored;
    }

    public void editCp(UUID accountId, Long id, CpSettings settings) {
        CpConfig current = cp(accountId, id);
        String code = settings.cpCode() == null ? current.code() : code("cpCode", settings.cpCode());
        CpConfig edited = new CpConfig(
                current.id(),
                accountId,
                code,
                settings.cpName() == null ? current.name() : name("cpName", settings.cpName(), code),
                settings.corpId() == null
                        ? current.corpId()
                        : matching("corpId", settings.corpId(), CORP_ID, "corpId只能包含字母和数字"),
                settings.agentId() == null
                        ? current.agentId()
                        : matching("agentId", settings.agentId(), AGENT_ID, "agentId必须是数字"),
                blank(settings.secret()) || MASK.equals(settings.secret())
                        ? current.sealedSecret()
                        : sealer.seal(secret("secret", settings.secret())),
                settings.proxy() == null ? current.proxy() : proxy(settings.proxy()),
                current.createdAt());
        unique(
                () -> {
                    configs.updateCp(edited);
                    return edited;
                },
                "cpCode",
                code);
    }

    public CpConfig cp(UUID accountId, Long id) {
        if (id == null) {
            throw PushplusException.invalid("cpId不能为空");
        }
        return configs.findCp(accountId, id).orElseThrow(() -> PushplusException.invalid("企业微信应用配置不存在"));
    }

    public List<CpConfig> cps(UUID accountId) {
        return configs.listCp(accountId);
    }

    public void deleteCp(UUID accountId, Long id) {
        if (id == null || !configs.deleteCp(accountId, id)) {
            throw PushplusException.invalid("企业微信应用配置不存在");
        }
    }

    public MailConfig addMail(UUID accountId, MailSettings settings) {
        if (configs.listMail(accountId).size() >= MAX_MAIL) {
            throw PushplusException.invalid("邮箱配置数量已达上限" + MAX_MAIL + "个");
        }
        String code = code("mailCode", settings.mailCode());
        boolean ssl = settings.smtpSsl() == null || settings.smtpSsl();
        MailConfig mail = new MailConfig(
                0,
                accountId,
                code,
                name("mailName", settings.mailName(), code),
                mailAccount(settings.account()),
                sealer.seal(secret("password", settings.password())),
                host(settings.smtpServer()),
                port(settings.smtpPort(), ssl),
                ssl,
                clock.instant());
        MailConfig stored = unique(() -> configs.insertMail(mail), "mailCode", code);
        log.info("mail sender {} added to account {}", code, accountId);
        return stored;
    }

    public void editMail(UUID accountId, Long id, MailSettings settings) {
        MailConfig current = mail(accountId, id);
        String code = settings.mailCode() == null ? current.code() : code("mailCode", settings.mailCode());
        boolean ssl = settings.smtpSsl() == null ? current.smtpSsl() : settings.smtpSsl();
        MailConfig edited = new MailConfig(
                current.id(),
                accountId,
                code,
                settings.mailName() == null ? current.name() : name("mailName", settings.mailName(), code),
                settings.account() == null ? current.account() : mailAccount(settings.account()),
                blank(settings.password()) || MASK.equals(settings.password())
                        ? current.sealedPassword()
                        : sealer.seal(secret("password", settings.password())),
                settings.smtpServer() == null ? current.smtpServer() : host(settings.smtpServer()),
                settings.smtpPort() == null ? current.smtpPort() : port(settings.smtpPort(), ssl),
                ssl,
                current.createdAt());
        unique(
                () -> {
                    configs.updateMail(edited);
                    return edited;
                },
                "mailCode",
                code);
    }

    public MailConfig mail(UUID accountId, Long id) {
        if (id == null) {
            throw PushplusException.invalid("mailId不能为空");
        }
        return configs.findMail(accountId, id).orElseThrow(() -> PushplusException.invalid("邮箱配置不存在"));
    }

    public List<MailConfig> mails(UUID accountId) {
        return configs.listMail(accountId);
    }

    public void deleteMail(UUID accountId, Long id) {
        if (id == null || !configs.deleteMail(accountId, id)) {
            throw PushplusException.invalid("邮箱配置不存在");
        }
    }

    /** A proxy URL as answers show it: scheme and host, since a path or query may carry a key. */
    public static String maskedProxy(CpConfig cp) {
        return cp.proxy() == null ? null : HttpAddress.redacted(cp.proxy());
    }

    private static <T> T unique(Supplier<T> write, String field, String code) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw PushplusException.invalid(field + "已存在: " + code);
        }
    }

    static String code(String field, String value) {
        String code = required(field, value);
        if (!CODE.matcher(code).matches()) {
            throw PushplusException.invalid(field + "只能包含字母、数字、下划线和短横线，最长64个字符");
        }
        return code;
    }

    static String name(String field, String value, String code) {
        String name = blank(value) ? code : value.trim();
        if (name.length() > MAX_NAME_LENGTH) {
            throw PushplusException.invalid(field + "长度不能超过" + MAX_NAME_LENGTH + "个字符");
        }
        return name;
    }

    static String secret(String field, String value) {
        String secret = required(field, value);
        if (secret.length() > MAX_SECRET_LENGTH) {
            throw PushplusException.invalid(field + "长度不能超过" + MAX_SECRET_LENGTH + "个字符");
        }
        return secret;
    }

    static String proxy(String value) {
        return blank(value) ? null : HttpAddress.require("proxy", value.trim());
    }

    static String mailAccount(String value) {
        return matching("account", value, MAIL_ACCOUNT, "account必须是邮箱地址");
    }

    static String host(String value) {
        return matching("smtpServer", value, HOST, "smtpServer必须是主机名");
    }

    /** Absent: the usual submission port for the mode (465 implicit TLS, else 587 STARTTLS). */
    static int port(Integer value, boolean ssl) {
        if (value == null) {
            return ssl ? 465 : 587;
        }
        if (value < 1 || value > 65535) {
            throw PushplusException.invalid("smtpPort必须在1到65535之间");
        }
        return value;
    }

    private static String matching(String field, String value, Pattern pattern, String message) {
        String trimmed = required(field, value);
        if (!pattern.matcher(trimmed).matches()) {
            throw PushplusException.invalid(message);
        }
        return trimmed;
    }

    private static String required(String field, String value) {
        if (blank(value)) {
            throw PushplusException.invalid(field + "不能为空");
        }
        return value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
