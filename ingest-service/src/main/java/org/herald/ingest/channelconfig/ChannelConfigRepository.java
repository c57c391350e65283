package org.herald.ingest.channelconfig;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * WeCom applications and mail senders in PostgreSQL. Inserts and code changes may throw
 * {@link org.springframework.dao.DuplicateKeyException} when the account already uses the code.
 */
@Repository
public class ChannelConfigRepository {

    private static final String CP_TABLE = "cp_configs";
    private static final String MAIL_TABLE = "mail_configs";

    private final JdbcClient jdbc;

    ChannelConfigRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CpConfig insertCp(CpConfig cp) {
        return jdbc.sql(
                        """
                        insert into cp_configs (account_id, code, name, corp_id, agent_id, secret, proxy, created_at)
                        values (:accountId, :code, :name, :corpId, :agentId, :secret, :proxy, :createdAt)
                        returning *
                        """)
                .param("accountId", cp.accountId())
                .param("code", cp.code())
                .param("name", cp.name())
                .param("corpId", cp.corpId())
                .param("agentId", cp.agentId())
                .param("secret", cp.sealedSecret())
                .param("proxy", cp.proxy())
                .param("createdAt", cp.createdAt().atOffset(ZoneOffset.UTC))
                .query(ChannelConfigRepository::cp)
                .single();
    }

    void updateCp(CpConfig cp) {
        jdbc.sql(
                        """
                        update cp_configs set code = :code, name = :name, corp_id = :corpId, agent_id = :agentId,
                                              secret = :secret, proxy = :proxy
                        where account_id = :accountId and id = :id
                        """)
                .param("accountId", cp.accountId())
                .param("id", cp.id())
                .param("code", cp.code())
                .param("name", cp.name())
                .param("corpId", cp.corpId())
                .param("agentId", cp.agentId())
                .param("secret", cp.sealedSecret())
                .param("proxy", cp.proxy())
                .update();
    }

    public Optional<CpConfig> findCp(UUID accountId, long id) {
        return byId(CP_TABLE, ChannelConfigRepository::cp, accountId, id);
    }

    /** The configuration a send names in {@code option}. */
    public Optional<CpConfig> findCpByCode(UUID accountId, String code) {
        return byCode(CP_TABLE, ChannelConfigRepository::cp, accountId, code);
    }

    List<CpConfig> listCp(UUID accountId) {
        return all(CP_TABLE, ChannelConfigRepository::cp, accountId);
    }

    boolean deleteCp(UUID accountId, long id) {
        return delete(CP_TABLE, accountId, id);
    }

    MailConfig insertMail(MailConfig mail) {
        return jdbc.sql(
                        """
                        insert into mail_configs (account_id, code, name, account, password, smtp_server, smtp_port,
                                                  smtp_ssl, created_at)
                        values (:accountId, :code, :name, :account, :password, :smtpServer, :smtpPort, :smtpSsl,
                                :createdAt)
                        returning *
                        """)
                .param("accountId", mail.accountId())
                .param("code", mail.code())
                .param("name", mail.name())
                .param("account", mail.account())
                .param("password", mail.sealedPassword())
                .param("smtpServer", mail.smtpServer())
                .param("smtpPort", mail.smtpPort())
                .param("smtpSsl", mail.smtpSsl())
                .param("createdAt", mail.createdAt().atOffset(ZoneOffset.UTC))
                .query(ChannelConfigRepository::mail)
                .single();
    }

    void updateMail(MailConfig mail) {
        jdbc.sql(
                        """
                        update mail_configs set code = :code, name = :name, account = :account, password = :password,
                                                smtp_server = :smtpServer, smtp_port = :smtpPort, smtp_ssl = :smtpSsl
                        where account_id = :accountId and id = :id
                        """)
                .param("accountId", mail.accountId())
                .param("id", mail.id())
                .param("code", mail.code())
                .param("name", mail.name())
                .param("account", mail.account())
                .param("password", mail.sealedPassword())
                .param("smtpServer", mail.smtpServer())
                .param("smtpPort", mail.smtpPort())
                .param("smtpSsl", mail.smtpSsl())
                .update();
    }

    public Optional<MailConfig> findMail(UUID accountId, long id) {
        return byId(MAIL_TABLE, ChannelConfigRepository::mail, accountId, id);
    }

    /** The configuration a send names in {@code option}. */
    public Optional<MailConfig> findMailByCode(UUID accountId, String code) {
        return byCode(MAIL_TABLE, ChannelConfigRepository::mail, accountId, code);
    }

    List<MailConfig> listMail(UUID accountId) {
        return all(MAIL_TABLE, ChannelConfigRepository::mail, accountId);
    }

    boolean deleteMail(UUID accountId, long id) {
        return delete(MAIL_TABLE, accountId, id);
    }

    // The two config tables share their keys (account_id, id, code); only the row mapping differs.
    private <T> Optional<T> byId(String table, RowMapper<T> rows, UUID accountId, long id) {
        return jdbc.sql("select * from " + table + " where account_id = :accountId and id = :id")
                .param("accountId", accountId)
                .param("id", id)
                .query(rows)
                .optional();
    }

    private <T> Optional<T> byCode(String table, RowMapper<T> rows, UUID accountId, String code) {
        return jdbc.sql("select * from " + table + " where account_id = :accountId and code = :code")
                .param("accountId", accountId)
                .param("code", code)
                .query(rows)
                .optional();
    }

    private <T> List<T> all(String table, RowMapper<T> rows, UUID accountId) {
        return jdbc.sql("select * from " + table + " where account_id = :accountId order by id")
                .param("accountId", accountId)
                .query(rows)
                .list();
    }

    private boolean delete(String table, UUID accountId, long id) {
        return jdbc.sql("delete from " + table + " where account_id = :accountId and id = :id")
                        .param("accountId", accountId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static CpConfig cp(ResultSet rs, int row) throws SQLException {
        return new CpConfig(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("corp_id"),
                rs.getString("agent_id"),
                rs.getString("secret"),
                rs.getString("proxy"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static MailConfig mail(ResultSet rs, int row) throws SQLException {
        return new MailConfig(
                rs.getLong("id"),
                rs.getObject("account_id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("account"),
                rs.getString("password"),
                rs.getString("smtp_server"),
                rs.getInt("smtp_port"),
                rs.getBoolean("smtp_ssl"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
