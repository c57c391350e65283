-- The account's Standard Webhooks signing secrets for its callbacks, sealed (v1:...). During a
-- rotation the previous secret keeps signing until previous_expires_at.
create table account_callback_secrets (
    account_id             uuid primary key references accounts (id),
    sealed_secret          text        not null,
    sealed_previous_secret text,
    previous_expires_at    timestamptz,
    updated_at             timestamptz not null
);
