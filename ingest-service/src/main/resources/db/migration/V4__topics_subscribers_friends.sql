-- Where a person is reached, per channel: wechat → open_id, cp → wecom_user_id, mail → email,
-- sms → phone. Without WeChat QR scanning yet, contacts arrive through the admin API (decisions.md).

-- The account owner's own contacts, for sends without topic and to ("send to yourself").
create table account_contacts (
    account_id    uuid primary key references accounts (id) on delete cascade,
    open_id       varchar(64),
    wecom_user_id varchar(64),
    email         varchar(254),
    phone         varchar(32),
    nick_name     varchar(64),
    updated_at    timestamptz not null
);

create table topics (
    id              bigint generated always as identity primary key,
    account_id      uuid         not null references accounts (id) on delete cascade,
    topic_code      varchar(64)  not null,
    name            varchar(100) not null,
    contact         varchar(100) not null default '',
    introduction    text         not null default '',
    receipt_message text         not null default '',
    created_at      timestamptz  not null,
    unique (account_id, topic_code)
);

-- One row per (topic, subscriber). A subscriber is a Herald account (subscriber_account_id; its
-- account_contacts fill in what the row lacks) or an external person known only by contacts.
-- subscriber_key identifies the subscriber within the topic (account:<uuid>, openid:<id>,
-- email:<addr>, phone:<n>, wecom:<id>), so joining twice is one subscription.
create table topic_subscribers (
    id                    bigint generated always as identity primary key,
    topic_id              bigint       not null references topics (id) on delete cascade,
    subscriber_key        varchar(300) not null,
    subscriber_account_id uuid references accounts (id) on delete cascade,
    open_id               varchar(64),
    wecom_user_id         varchar(64),
    email                 varchar(254),
    phone                 varchar(32),
    nick_name             varchar(64)  not null default '',
    head_img_url          varchar(1024),
    user_sex              smallint     not null default 0 check (user_sex between 0 and 2),
    remark                varchar(20)  not null default '',
    -- ACTIVE receives; LEFT (the subscriber left) and REMOVED (the owner removed them) do not
    state                 varchar(16)  not null check (state in ('ACTIVE', 'LEFT', 'REMOVED')),
    joined_at             timestamptz  not null,
    updated_at            timestamptz  not null,
    unique (topic_id, subscriber_key)
);
create index topic_subscribers_by_topic on topic_subscribers (topic_id, state, id);
create index topic_subscribers_by_account on topic_subscribers (subscriber_account_id)
    where subscriber_account_id is not null;

-- The account's friends. friend_token (32 lowercase hex) is the address used in /send's `to`; it is
-- not a credential of anyone, so it is stored and shown in clear, as pushplus shows it.
create table friends (
    id                bigint generated always as identity primary key,
    account_id        uuid         not null references accounts (id) on delete cascade,
    friend_token      char(32)     not null unique,
    -- identifies the friend within the account like topic_subscribers.subscriber_key
    friend_key        varchar(300) not null,
    friend_account_id uuid references accounts (id) on delete cascade,
    open_id           varchar(64),
    wecom_user_id     varchar(64),
    email             varchar(254),
    phone             varchar(32),
    nick_name         varchar(64)  not null default '',
    head_img_url      varchar(1024),
    remark            varchar(20)  not null default '',
    qr_code           varchar(200),
    created_at        timestamptz  not null,
    unique (account_id, friend_key)
);
create index friends_by_account on friends (account_id, id);
