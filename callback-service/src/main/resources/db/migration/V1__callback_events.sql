-- One row per event that asked for a callback: the event id is unique, so a redelivered event
-- finds its row and is not posted again once the row is final.
create table callback_events (
    event_id     varchar(200) primary key,
    kind         varchar(40)  not null,
    subject      varchar(200) not null,
    url_host     varchar(255),
    state        varchar(16)  not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts     integer      not null default 0,
    outcome      text,
    created_at   timestamptz  not null,
    completed_at timestamptz
);

-- Every attempt, failed or not. Only the host of the URL is kept: paths and queries carry keys.
create table callback_attempts (
    event_id         varchar(200) not null references callback_events (event_id),
    attempt          integer      not null,
    url_host         varchar(255),
    http_status      integer,
    latency_ms       bigint       not null,
    error            text,
    response_excerpt text,
    attempted_at     timestamptz  not null,
    primary key (event_id, attempt)
);

create index callback_events_open on callback_events (created_at) where state = 'PENDING';
