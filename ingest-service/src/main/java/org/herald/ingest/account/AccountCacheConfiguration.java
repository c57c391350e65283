package org.herald.ingest.account;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

@Configuration(proxyBeanMethods = false)
class AccountCacheConfiguration {

    @Bean
    @Primary
    CachedAccountDirectory cachedAccountDirectory(AccountRepository accounts, AccountCacheProperties properties) {
        return new CachedAccountDirectory(accounts, properties);
    }

    @Bean
    AccountChangeListener accountChangeListener(DataSource dataSource, CachedAccountDirectory cache) {
        return new AccountChangeListener(dataSource, cache);
    }

    @Bean
    LocalAccountChanges localAccountChanges(CachedAccountDirectory cache) {
        return new LocalAccountChanges(cache);
    }

    record LocalAccountChanges(CachedAccountDirectory cache) {

        @EventListener
        void on(AccountChanged change) {
            cache.changed(change.accountId());
        }
    }
}
