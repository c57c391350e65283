-- Retries move from Kafka retry topics to this table: a poller picks due rows with
-- FOR UPDATE SKIP LOCKED, so restarts and several instances neither lose nor double a callback.
-- Rows left PENDING by the retry topics have nothing to resend from and are closed here.
update callback_events
set state = 'FAILED', outcome = 'abandoned when retries moved to the database schedule', completed_at = now()
where state = 'PENDING';

alter table callback_events drop constraint callback_events_state_check;
alter table callback_events add constraint callback_events_state_check
    check (state in ('PENDING', 'DELIVERED', 'FAILED', 'NOT_SENT'));

alter table callback_events add column account_id uuid;
-- The message's own callbackUrl, sealed (paths and queries carry keys); null means "the account's
-- callback URL at the time of each attempt".
alter table callback_events add column sealed_url text;
alter table callback_events add column webhook_id varchar(200);
alter table callback_events add column body bytea;
alter table callback_events add column next_attempt_at timestamptz;

drop index callback_events_open;
create index callback_events_due on callback_events (next_attempt_at) where state = 'PENDING';
create index callback_events_account on callback_events (account_id, created_at desc);
create index callback_events_subject on callback_events (subject);

-- The account's callback endpoint as ingest publishes it on herald.callback-endpoints, plus what
-- callback-service learnt about it (failing since, disabled).
create table callback_endpoints (
    account_id                 uuid primary key,
    url                        text,
    sealed_secret              text,
    sealed_previous_secret     text,
    previous_secret_expires_at timestamptz,
    changed_at                 timestamptz not null,
    failing_since              timestamptz,
    disabled_at                timestamptz,
    disabled_reason            text
);
