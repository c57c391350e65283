-- Message tokens (pushplus 消息token): extra send tokens of an account, each with a name and an
-- expiry. Like the user token they are stored only as SHA-256; token_hint keeps the first characters
-- so a listing can tell them apart without holding the token.
create table message_tokens (
    id          bigint generated always as identity primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    name        varchar(100) not null,
    token_hash  char(64)    not null unique,
    token_hint  varchar(8)  not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null
);
create index message_tokens_by_account on message_tokens (account_id, id);

-- WeCom applications (channel cp). secret holds the application secret sealed (v1:...).
create table cp_configs (
    id         bigint generated always as identity primary key,
    account_id uuid         not null references accounts (id) on delete cascade,
    code       varchar(64)  not null,
    name       varchar(100) not null,
    corp_id    varchar(64)  not null,
    agent_id   varchar(32)  not null,
    secret     text         not null,
    proxy      varchar(1024),
    created_at timestamptz  not null,
    unique (account_id, code)
);

-- Mail senders (channel mail). password holds the SMTP password or authorization code sealed (v1:...).
create table mail_configs (
    id          bigint generated always as identity primary key,
    account_id  uuid         not null references accounts (id) on delete cascade,
    code        varchar(64)  not null,
    name        varchar(100) not null,
    account     varchar(320) not null,
    password    text         not null,
    smtp_server varchar(255) not null,
    smtp_port   int          not null check (smtp_port between 1 and 65535),
    smtp_ssl    boolean      not null,
    created_at  timestamptz  not null,
    unique (account_id, code)
);

-- The retention purge deletes by age across all accounts.
create index messages_by_created_at on messages (created_at);
