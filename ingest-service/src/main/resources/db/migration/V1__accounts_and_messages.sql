-- Accounts. Tokens and secret keys are long random values, stored only as SHA-256 (lowercase hex).
create table accounts (
    id              uuid primary key,
    name            text        not null,
    token_hash      char(64)    not null unique,
    secret_key_hash char(64)    not null,
    default_channel varchar(16),
    default_option  varchar(64),
    callback_url    varchar(1024),
    created_at      timestamptz not null
);

-- Webhook channel configurations. url holds the URL sealed with the platform key (v1:...):
-- robot URLs carry their access key.
create table webhooks (
    id         bigint generated always as identity primary key,
    account_id uuid        not null references accounts (id) on delete cascade,
    code       varchar(64) not null,
    name       text        not null,
    type       int         not null,
    url        text        not null,
    created_at timestamptz not null,
    unique (account_id, code)
);

-- Open-API access keys, stored only as SHA-256.
create table access_keys (
    key_hash   char(64) primary key,
    account_id uuid        not null references accounts (id) on delete cascade,
    expires_at timestamptz not null
);
create index access_keys_by_account on access_keys (account_id);

-- The message read model, written by the dispatcher and the status projector. No foreign key to
-- accounts: an accepted message stays readable even if its account is removed meanwhile.
create table messages (
    short_code           varchar(32) primary key,
    account_id           uuid          not null,
    channel              varchar(16)   not null,
    template             varchar(16)   not null,
    title                text          not null,
    content              text          not null,
    callback_url         varchar(1024),
    -- pushplus status: 0 not sent yet, 1 sending, 2 success, 3 failed
    status               smallint      not null default 0 check (status between 0 and 3),
    error_message        text          not null default '',
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    -- set once MessageCompleted was acknowledged; a redelivered final event publishes again while false
    completion_published boolean       not null default false
);
create index messages_by_account on messages (account_id, created_at desc);

create table deliveries (
    delivery_id varchar(200) primary key,
    short_code  varchar(32)  not null references messages (short_code) on delete cascade,
    channel     varchar(16)  not null,
    -- kind:id, e.g. webhook:hiflow1
    recipient   varchar(200) not null,
    state       varchar(16)  not null check (state in ('QUEUED', 'SENDING', 'RETRYING', 'DELIVERED', 'FAILED', 'EXPIRED')),
    attempt     int          not null default 0,
    reason      text,
    updated_at  timestamptz  not null
);
create index deliveries_by_message on deliveries (short_code);
